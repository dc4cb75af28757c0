using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

public sealed class SqlitePracticeStore(SqliteDatabase database) : IPracticeStore
{
    private const string Insert =
        "INSERT INTO practice_answers (user_id, question_id, topic_id, is_correct, answered_at) VALUES ($user, $question, $topic, $correct, $at)";

    /// <remarks>A group write, so the practice answer and the member's card commit in one transaction.</remarks>
    public Task RecordAsync(long userId, string questionId, string topicId, bool isCorrect, DateTimeOffset answeredAt, CardReview? review,
        CancellationToken cancellationToken) =>
        database.GroupCommit.WriteAsync(write =>
        {
            write.Command(Insert, ("$user", userId), ("$question", questionId), ("$topic", topicId), ("$correct", isCorrect),
                ("$at", Time.ToMs(answeredAt))).ExecuteNonQuery();
            if (review is not null) ReviewCardWrites.Apply(write, userId, review);
            return true;
        }, cancellationToken);
}
