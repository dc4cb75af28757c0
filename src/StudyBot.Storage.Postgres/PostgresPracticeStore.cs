using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

public sealed class PostgresPracticeStore(PostgresDatabase database) : IPracticeStore
{
    /// <remarks>One transaction: the practice answer and the member's card commit together.</remarks>
    public async Task RecordAsync(long userId, string questionId, string topicId, bool isCorrect, DateTimeOffset answeredAt, CardReview? review,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO practice_answers (user_id, question_id, topic_id, is_correct, answered_at) VALUES (@userId, @questionId, @topicId, @isCorrect, @at)",
            new { userId, questionId, topicId, isCorrect, at = Time.ToMs(answeredAt) }, transaction, cancellationToken: cancellationToken));
        if (review is not null) await ReviewCardWrites.ApplyAsync(transaction, userId, review, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
