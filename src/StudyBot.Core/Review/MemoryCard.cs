namespace StudyBot.Core.Review;

/// <summary>FSRS memory of one card. Due/LastReview in UTC; intervals are whole days.</summary>
public sealed record MemoryCard(CardState State, double Stability, double Difficulty, DateTimeOffset Due,
    DateTimeOffset? LastReview, int Reps, int Lapses)
{
    /// <summary>A card never reviewed, due at once.</summary>
    public static MemoryCard New(DateTimeOffset now) => new(CardState.New, 0, 0, now.ToUniversalTime(), null, 0, 0);
}
