using StudyBot.Core.Study;
using StudyBot.Testing;

namespace StudyBot.Core.Tests;

public class DailyQuestionPickerTests
{
    [Fact]
    public void No_question_repeats_until_the_pack_is_used_up_then_a_new_cycle_starts()
    {
        var pack = Packs.Small(perTopic: 4);
        var random = new Random(7);
        var history = new List<string>();
        for (var day = 0; day < pack.Questions.Count; day++)
            history.Add(DailyQuestionPicker.Pick(pack, history, random)!.Id);

        Assert.Equal(pack.Questions.Count, history.Distinct().Count());
        for (var day = 0; day < pack.Questions.Count; day++)
            history.Add(DailyQuestionPicker.Pick(pack, history, random)!.Id);
        Assert.Equal(pack.Questions.Count, history.Skip(pack.Questions.Count).Distinct().Count());
    }

    [Fact]
    public void Topics_take_turns_within_a_cycle()
    {
        var pack = Packs.Small(perTopic: 4);
        var history = new List<string>();
        for (var day = 0; day < 6; day++)
            history.Add(DailyQuestionPicker.Pick(pack, history, new Random(day))!.Id);

        var topics = history.Select(id => pack.FindQuestion(id)!.TopicId).ToList();
        Assert.Equal(3, topics.Take(3).Distinct().Count());
        Assert.Equal(3, topics.Skip(3).Take(3).Distinct().Count());
    }

    [Fact]
    public void Questions_no_longer_in_the_pack_are_ignored_in_history()
    {
        var pack = Packs.Small(perTopic: 1);
        var picked = DailyQuestionPicker.Pick(pack, ["removed-question", "ebs-1", "s3-1"], new Random(1));
        Assert.Equal("sqs-1", picked!.Id);
    }
}
