namespace StudyBot.Core.Storage;

/// <summary>Answers to private practice questions: they shape <c>/quiz</c> and <c>/stats</c>, never the boards.</summary>
public interface IPracticeStore
{
    Task RecordAsync(long userId, string questionId, string topicId, bool isCorrect, DateTimeOffset answeredAt, CancellationToken cancellationToken);
}
