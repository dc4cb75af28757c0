using StudyBot.Core.Chat;
using StudyBot.Core.Review;

namespace StudyBot.Core.Storage;

/// <summary>
/// Members' FSRS cards and their review log. Daily and practice answers update a card through
/// <see cref="NewAnswer.Review"/> and <see cref="IPracticeStore"/> (in the transaction of the answer);
/// this port serves <c>/review</c>, its re-grades, <c>/stats</c> and <c>/export</c>. Retired cards
/// (questions no longer in any pack) are never returned.
/// </summary>
public interface IReviewStore
{
    /// <summary>
    /// Records a <c>/review</c> answer, if the member's card still has <paramref name="expectedReps"/>
    /// reviews (0 for a card not made yet); otherwise <see cref="ReviewOutcome.Stale"/> and nothing changes.
    /// </summary>
    Task<CardReviewResult> ReviewAsync(ChatUser user, CardReview review, int expectedReps, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the rating of review <paramref name="reviewId"/> and recomputes the card from the state
    /// logged before it: only the card's latest review, only by its owner, only a recalled one.
    /// </summary>
    Task<RegradeResult> RegradeAsync(ChatUser user, long reviewId, Rating rating, ScheduleCard schedule, CancellationToken cancellationToken);

    /// <summary>
    /// The member's card due earliest, if due at <paramref name="now"/>, within <paramref name="topicIds"/> when given,
    /// leaving out the cards of <paramref name="heldQuestionIds"/> (questions whose answer is not revealed yet).
    /// </summary>
    Task<StoredCard?> NextDueAsync(long userId, DateTimeOffset now, IReadOnlyCollection<string>? topicIds, IReadOnlyCollection<string> heldQuestionIds,
        CancellationToken cancellationToken);

    /// <summary>How many of the member's cards are due at <paramref name="now"/>, and when the first card not yet due comes due (same filters as <see cref="NextDueAsync"/>).</summary>
    Task<DueSummary> DueAsync(long userId, DateTimeOffset now, IReadOnlyCollection<string>? topicIds, IReadOnlyCollection<string> heldQuestionIds,
        CancellationToken cancellationToken);

    /// <summary>
    /// Cards of every member due at <paramref name="now"/> and not retired, held-back ones included: the
    /// "reviews due" gauge, the same count a reminder round adds up member by member.
    /// </summary>
    Task<int> AllDueCountAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every card of the member that is not retired.</summary>
    Task<IReadOnlyList<StoredCard>> CardsAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Question ids the member has a card for, retired ones included (they are not new).</summary>
    Task<IReadOnlySet<string>> CardQuestionIdsAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Cards <c>/review</c> introduced (first reviews with source review) since <paramref name="since"/>.</summary>
    Task<int> NewReviewCardsSinceAsync(long userId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Packs of the daily questions the member answered (the channels they answer in).</summary>
    Task<IReadOnlyList<string>> AnsweredPackIdsAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Reviews of cards seen before (first reviews excluded) since <paramref name="since"/>, and how many were recalled.</summary>
    Task<RecallCount> RecallSinceAsync(long userId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Retires every card whose question is not in <paramref name="loadedQuestionIds"/> and brings back
    /// cards whose question is loaded again; returns the number of cards changed.
    /// </summary>
    Task<int> SyncRetiredAsync(IReadOnlyCollection<string> loadedQuestionIds, CancellationToken cancellationToken);
}
