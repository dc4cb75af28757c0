using StudyBot.Core.Content;

namespace StudyBot.Core.Study;

/// <summary>
/// Chooses a channel's next daily question: no question repeats until the whole pack has been
/// posted, and within that cycle topics take turns (the topic posted least, then least recently).
/// </summary>
public static class DailyQuestionPicker
{
    public static Question? Pick(ContentPack pack, IReadOnlyList<string> postedOldestFirst, Random random)
    {
        if (pack.Questions.Count == 0) return null;

        var usedInCycle = new HashSet<string>(StringComparer.Ordinal);
        var lastSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var topicCount = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < postedOldestFirst.Count; i++)
        {
            if (pack.FindQuestion(postedOldestFirst[i]) is not { } posted) continue;
            if (usedInCycle.Count == pack.Questions.Count)
            {
                usedInCycle.Clear();
                topicCount.Clear();
            }
            usedInCycle.Add(posted.Id);
            topicCount[posted.TopicId] = topicCount.GetValueOrDefault(posted.TopicId) + 1;
            lastSeen[posted.TopicId] = i;
        }
        if (usedInCycle.Count == pack.Questions.Count)
        {
            usedInCycle.Clear();
            topicCount.Clear();
        }

        var candidates = pack.Questions.Where(q => !usedInCycle.Contains(q.Id)).ToList();
        var topic = candidates
            .Select(q => q.TopicId)
            .Distinct()
            .OrderBy(t => topicCount.GetValueOrDefault(t))
            .ThenBy(t => lastSeen.GetValueOrDefault(t, -1))
            .ThenBy(_ => random.Next())
            .First();
        var inTopic = candidates.Where(q => q.TopicId == topic).ToList();
        return inTopic[random.Next(inTopic.Count)];
    }
}
