using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Testing;

namespace StudyBot.Core.Tests;

public class PracticeQuestionPickerTests
{
    [Fact]
    public void Weak_topics_weigh_more_than_strong_ones_and_untried_sit_between()
    {
        var weak = PracticeQuestionPicker.Weight(new TopicAccuracy("ebs", 4, 0));
        var strong = PracticeQuestionPicker.Weight(new TopicAccuracy("s3", 4, 4));
        var untried = PracticeQuestionPicker.Weight(null);
        Assert.True(weak > untried && untried > strong, $"weak {weak}, untried {untried}, strong {strong}");
    }

    [Fact]
    public void Picks_follow_the_weights()
    {
        var pack = Packs.Small(perTopic: 2);
        IReadOnlyList<TopicAccuracy> accuracy = [new("ebs", 10, 0), new("s3", 10, 10), new("sqs", 10, 10)];
        var random = new Random(3);
        var counts = Enumerable.Range(0, 2000)
            .Select(_ => PracticeQuestionPicker.Pick(pack.Questions, accuracy, random)!.TopicId)
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        // Weights 4 : 1 : 1, so EBS should come up about two thirds of the time.
        Assert.InRange(counts["ebs"], 1150, 1500);
        Assert.InRange(counts["s3"], 200, 450);
    }
}
