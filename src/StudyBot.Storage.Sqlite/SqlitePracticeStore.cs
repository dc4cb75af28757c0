using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

public sealed class SqlitePracticeStore(SqliteDatabase database) : IPracticeStore
{
    public async Task RecordAsync(long userId, string questionId, string topicId, bool isCorrect, DateTimeOffset answeredAt, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO practice_answers (user_id, question_id, topic_id, is_correct, answered_at) VALUES (@userId, @questionId, @topicId, @isCorrect, @at)",
            new { userId, questionId, topicId, isCorrect, at = Time.ToMs(answeredAt) }, cancellationToken: cancellationToken));
    }
}
