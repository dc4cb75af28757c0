using Dapper;
using StudyBot.Core.Chat;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>Cards and the review log on SQLite. Writes go through the group commit, like answers.</summary>
public sealed class SqliteReviewStore(SqliteDatabase database) : IReviewStore
{
    private const string CardColumns =
        "question_id AS QuestionId, pack_id AS PackId, topic_id AS TopicId, state AS State, stability AS Stability, difficulty AS Difficulty, " +
        "due AS Due, last_review AS LastReview, reps AS Reps, lapses AS Lapses, last_rating AS LastRating";

    public async Task<CardReviewResult> ReviewAsync(ChatUser user, CardReview review, int expectedReps, CancellationToken cancellationToken)
    {
        var (result, userId) = await database.GroupCommit.WriteAsync(write =>
        {
            var userId = database.Users.Resolve(write, user);
            return ReviewCardWrites.Apply(write, userId, review, expectedReps) is { } applied
                ? (new CardReviewResult(ReviewOutcome.Recorded, applied.ReviewId, applied.Card), userId)
                : (new CardReviewResult(ReviewOutcome.Stale, 0, null), userId);
        }, cancellationToken);
        database.Users.Remember(user, userId);
        return result;
    }

    public Task<RegradeResult> RegradeAsync(ChatUser user, long reviewId, Rating rating, ScheduleCard schedule, CancellationToken cancellationToken) =>
        database.GroupCommit.WriteAsync(write => Regrade(write, user, reviewId, rating, schedule), cancellationToken);

    private RegradeResult Regrade(GroupWrite write, ChatUser user, long reviewId, Rating rating, ScheduleCard schedule)
    {
        long ownerId;
        string questionId;
        Rating logged;
        DateTimeOffset reviewedAt;
        MemoryCard before;
        using (var reader = write.Command(
                   """
                   SELECT user_id, question_id, rating, reviewed_at, before_state, before_stability, before_difficulty, before_due,
                          before_last_review, before_reps, before_lapses
                   FROM review_log WHERE id = $id
                   """, ("$id", reviewId)).ExecuteReader())
        {
            if (!reader.Read()) return new(RegradeOutcome.UnknownReview, null, null);
            (ownerId, questionId, logged, reviewedAt) = (reader.GetInt64(0), reader.GetString(1), (Rating)reader.GetInt32(2), Time.FromMs(reader.GetInt64(3)));
            before = ReviewCardWrites.CardFrom(reader, 4);
        }
        var userId = database.Users.Find(user) ?? (long?)write.Command(
            "SELECT id FROM users WHERE platform = $platform AND external_id = $id", ("$platform", user.Platform), ("$id", user.UserId)).ExecuteScalar();
        if (userId != ownerId) return new(RegradeOutcome.NotOwner, questionId, null);
        var latest = (long)write.Command("SELECT MAX(id) FROM review_log WHERE user_id = $user AND question_id = $question",
            ("$user", ownerId), ("$question", questionId)).ExecuteScalar()!;
        if (latest != reviewId) return new(RegradeOutcome.NotLatest, questionId, null);
        if (logged == Rating.Again || rating == Rating.Again) return new(RegradeOutcome.NotRecalled, questionId, null);

        var after = schedule(before, rating, reviewedAt);
        write.Command(
            """
            UPDATE review_cards SET state = $state, stability = $stability, difficulty = $difficulty, due = $due, last_review = $last,
                reps = $reps, lapses = $lapses, last_rating = $rating
            WHERE user_id = $user AND question_id = $question
            """,
            ("$state", (int)after.State), ("$stability", after.Stability), ("$difficulty", after.Difficulty), ("$due", Time.ToMs(after.Due)),
            ("$last", after.LastReview is { } last ? Time.ToMs(last) : null), ("$reps", after.Reps), ("$lapses", after.Lapses),
            ("$rating", (int)rating), ("$user", ownerId), ("$question", questionId)).ExecuteNonQuery();
        write.Command("UPDATE review_log SET rating = $rating WHERE id = $id", ("$rating", (int)rating), ("$id", reviewId)).ExecuteNonQuery();
        return new(RegradeOutcome.Regraded, questionId, after);
    }

    public async Task<StoredCard?> NextDueAsync(long userId, DateTimeOffset now, IReadOnlyCollection<string>? topicIds, IReadOnlyCollection<string> heldQuestionIds,
        CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var row = await connection.QueryFirstOrDefaultAsync<CardRow>(new CommandDefinition(
            $"""
            SELECT {CardColumns} FROM review_cards INDEXED BY review_cards_due
            WHERE user_id = @userId AND retired = 0 AND due <= @now {TopicFilter(topicIds)} {HeldFilter(heldQuestionIds)}
            ORDER BY due LIMIT 1
            """,
            new { userId, now = Time.ToMs(now), topicIds, heldQuestionIds }, cancellationToken: cancellationToken));
        return row?.ToCard();
    }

    public async Task<DueSummary> DueAsync(long userId, DateTimeOffset now, IReadOnlyCollection<string>? topicIds, IReadOnlyCollection<string> heldQuestionIds,
        CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var (due, next) = await connection.QuerySingleAsync<(long, long?)>(new CommandDefinition(
            $"""
            SELECT
                (SELECT COUNT(*) FROM review_cards INDEXED BY review_cards_due WHERE user_id = @userId AND retired = 0 AND due <= @now {TopicFilter(topicIds)} {HeldFilter(heldQuestionIds)}),
                (SELECT MIN(due) FROM review_cards INDEXED BY review_cards_due WHERE user_id = @userId AND retired = 0 AND due > @now {TopicFilter(topicIds)} {HeldFilter(heldQuestionIds)})
            """,
            new { userId, now = Time.ToMs(now), topicIds, heldQuestionIds }, cancellationToken: cancellationToken));
        return new DueSummary((int)due, Time.FromMs(next));
    }

    public async Task<int> AllDueCountAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The whole hours before now from the due tally (migration 011), the current hour's cards up to now from the index on due.
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT (SELECT COALESCE(SUM(cards), 0) FROM review_due_hours WHERE hour < @Hour)
                 + (SELECT COUNT(*) FROM review_cards INDEXED BY review_cards_all_due WHERE retired = 0 AND due >= @Hour * 3600000 AND due <= @Now)
            """, DueHours.Of(now), cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredCard>> CardsAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<CardRow>(new CommandDefinition(
            $"SELECT {CardColumns} FROM review_cards WHERE user_id = @userId AND retired = 0 ORDER BY due, question_id",
            new { userId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToCard()).ToList();
    }

    public async Task<IReadOnlySet<string>> CardQuestionIdsAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT question_id FROM review_cards WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<int> NewReviewCardsSinceAsync(long userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM review_log WHERE user_id = @userId AND reviewed_at >= @since AND source = 'review' AND before_reps = 0",
            new { userId, since = Time.ToMs(since) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>> AnsweredPackIdsAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT p.pack_id FROM posts p
            WHERE p.channel_id IN (SELECT DISTINCT channel_id FROM answers WHERE user_id = @userId)
            ORDER BY p.pack_id
            """,
            new { userId }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<RecallCount> RecallSinceAsync(long userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var (reviewed, recalled) = await connection.QuerySingleAsync<(long, long?)>(new CommandDefinition(
            """
            SELECT COUNT(*), SUM(rating <> 1) FROM review_log
            WHERE user_id = @userId AND reviewed_at >= @since AND before_reps > 0
              AND question_id IN (SELECT question_id FROM review_cards WHERE user_id = @userId AND retired = 0)
            """,
            new { userId, since = Time.ToMs(since) }, cancellationToken: cancellationToken));
        return new RecallCount((int)reviewed, (int)(recalled ?? 0));
    }

    public async Task<int> SyncRetiredAsync(IReadOnlyCollection<string> loadedQuestionIds, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TEMP TABLE IF NOT EXISTS loaded_questions (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM loaded_questions;",
            transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT OR IGNORE INTO loaded_questions (id) VALUES (@id)", loadedQuestionIds.Select(id => new { id }),
            transaction, cancellationToken: cancellationToken));
        // One pass over the cards: only the rows whose flag changes are written.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE review_cards SET retired = 1 - retired
            WHERE retired <> (question_id NOT IN (SELECT id FROM loaded_questions))
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DROP TABLE loaded_questions", transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Dapper expands <c>IN @topicIds</c> into one parameter per topic.</summary>
    private static string TopicFilter(IReadOnlyCollection<string>? topicIds) => topicIds is null ? "" : "AND topic_id IN @topicIds";

    private static string HeldFilter(IReadOnlyCollection<string> heldQuestionIds) => heldQuestionIds.Count == 0 ? "" : "AND question_id NOT IN @heldQuestionIds";

    private sealed record CardRow(
        string QuestionId, string PackId, string TopicId, long State, double Stability, double Difficulty, long Due, long? LastReview,
        long Reps, long Lapses, long LastRating)
    {
        public StoredCard ToCard() => new(QuestionId, PackId, TopicId,
            new MemoryCard((CardState)State, Stability, Difficulty, Time.FromMs(Due), Time.FromMs(LastReview), (int)Reps, (int)Lapses),
            (Rating)LastRating);
    }
}
