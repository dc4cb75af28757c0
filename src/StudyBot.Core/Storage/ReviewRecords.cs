using StudyBot.Core.Review;

namespace StudyBot.Core.Storage;

/// <summary>The scheduling step a store applies to the card it reads inside the answer's transaction.</summary>
public delegate MemoryCard ScheduleCard(MemoryCard before, Rating rating, DateTimeOffset reviewedAt);

/// <summary>Where a review came from; logged with it.</summary>
public enum ReviewSource
{
    Daily,
    Quiz,
    Review,
}

/// <summary>
/// One review to apply to the member's card for a question: the store reads the card (a new one when
/// there is none), runs <see cref="Schedule"/>, writes the card and logs the review with the state before.
/// </summary>
public sealed record CardReview(
    string PackId,
    string QuestionId,
    string TopicId,
    Rating Rating,
    ReviewSource Source,
    DateTimeOffset ReviewedAt,
    ScheduleCard Schedule);

/// <summary>A member's card as stored: the question it belongs to, its FSRS memory and the latest rating.</summary>
public sealed record StoredCard(string QuestionId, string PackId, string TopicId, MemoryCard Memory, Rating LastRating);

public enum ReviewOutcome
{
    Recorded,

    /// <summary>The card was reviewed since the message was shown: nothing recorded.</summary>
    Stale,
}

/// <param name="ReviewId">The review log row, for a re-grade; 0 when nothing was recorded.</param>
public sealed record CardReviewResult(ReviewOutcome Outcome, long ReviewId, MemoryCard? Card);

public enum RegradeOutcome
{
    Regraded,
    UnknownReview,
    NotOwner,

    /// <summary>The card has been reviewed again since: only its latest review may be re-graded.</summary>
    NotLatest,

    /// <summary>A review that was not recalled (Again) stays Again.</summary>
    NotRecalled,
}

public sealed record RegradeResult(RegradeOutcome Outcome, string? QuestionId, MemoryCard? Card);

/// <param name="NextDue">When the earliest card not due yet comes due, or null when there is none.</param>
public sealed record DueSummary(int Due, DateTimeOffset? NextDue);

public sealed record RecallCount(int Reviewed, int Recalled);
