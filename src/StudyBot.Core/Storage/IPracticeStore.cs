namespace StudyBot.Core.Storage;

/// <summary>Answers to private practice questions: they shape <c>/quiz</c> and <c>/stats</c>, never the boards.</summary>
public interface IPracticeStore
{
    /// <param name="review">The member's card update for the question, committed in the same transaction as the answer.</param>
    Task RecordAsync(long userId, string questionId, string topicId, bool isCorrect, DateTimeOffset answeredAt, CardReview? review,
        CancellationToken cancellationToken);
}
