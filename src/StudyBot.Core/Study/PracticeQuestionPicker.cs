using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Study;

/// <summary>
/// Chooses a private practice question, weighted toward the asker's weak topics: a topic's weight
/// grows with its error rate, and topics never tried sit in the middle so they still come up.
/// </summary>
public static class PracticeQuestionPicker
{
    public const double UntriedWeight = 2.0;

    public static double Weight(TopicAccuracy? accuracy) =>
        accuracy is null || accuracy.Answered == 0 ? UntriedWeight : 1.0 + 3.0 * (1.0 - accuracy.Accuracy);

    public static Question? Pick(IReadOnlyList<Question> questions, IReadOnlyList<TopicAccuracy> accuracies, Random random)
    {
        if (questions.Count == 0) return null;
        var byTopic = accuracies.ToDictionary(a => a.TopicId, StringComparer.Ordinal);
        var topics = questions.Select(q => q.TopicId).Distinct().ToList();
        var weights = topics.Select(t => Weight(byTopic.GetValueOrDefault(t))).ToList();

        var roll = random.NextDouble() * weights.Sum();
        var chosen = topics[^1];
        for (var i = 0; i < topics.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                chosen = topics[i];
                break;
            }
        }
        var inTopic = questions.Where(q => q.TopicId == chosen).ToList();
        return inTopic[random.Next(inTopic.Count)];
    }
}
