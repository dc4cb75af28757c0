using StudyBot.Core.Storage;

namespace StudyBot.Core.Review;

/// <summary>What <c>/stats</c> shows of a member's memory: cards by maturity and predicted recall per topic.</summary>
public sealed record MemorySummary(int Learning, int Young, int Mature, IReadOnlyList<(string TopicId, double Recall)> TopicRecall)
{
    /// <summary>Stability (days) from which a card counts as mature, as in Anki.</summary>
    public const double MatureStabilityDays = 21;

    /// <summary>Learning: last answered wrong or still in a learning state; mature: stability of 21 days or more; young: the rest.</summary>
    public static MemorySummary Of(IReadOnlyList<StoredCard> cards, FsrsScheduler scheduler, DateTimeOffset now)
    {
        bool IsLearning(StoredCard c) => c.LastRating == Rating.Again || c.Memory.State is CardState.New or CardState.Learning or CardState.Relearning;
        var learning = cards.Count(IsLearning);
        var mature = cards.Count(c => !IsLearning(c) && c.Memory.Stability >= MatureStabilityDays);
        var topics = cards.GroupBy(c => c.TopicId, StringComparer.Ordinal)
            .Select(g => (TopicId: g.Key, Recall: g.Average(c => scheduler.Retrievability(c.Memory, now))))
            .OrderBy(t => t.Recall).ThenBy(t => t.TopicId, StringComparer.Ordinal).ToList();
        return new MemorySummary(learning, cards.Count - learning - mature, mature, topics);
    }

    /// <summary>Whether the card was answered wrong last or never moved past learning (what <c>/export</c> sends by default, with lapsed cards).</summary>
    public static bool NeedsWork(StoredCard card) =>
        card.Memory.Lapses > 0 || card.LastRating == Rating.Again || card.Memory.State is CardState.New or CardState.Learning or CardState.Relearning;
}
