using Dapper;
using Npgsql;
using StudyBot.Core.Chat;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>Cards and the review log on PostgreSQL; each write is one transaction. Text orders use "C", SQLite's byte order.</summary>
public sealed class PostgresReviewStore(PostgresDatabase database) : IReviewStore
{
    private const string CardColumns =
        "question_id AS QuestionId, pack_id AS PackId, topic_id AS TopicId, state AS State, stability AS Stability, difficulty AS Difficulty, " +
        "due AS Due, last_review AS LastReview, reps AS Reps, lapses AS Lapses, last_rating AS LastRating";

    public async Task<CardReviewResult> ReviewAsync(ChatUser user, CardReview review, int expectedReps, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = await database.Users.ResolveAsync(transaction, user, cancellationToken);
        var applied = await ReviewCardWrites.ApplyAsync(transaction, userId, review, cancellationToken, expectedReps);
        await transaction.CommitAsync(cancellationToken);
        database.Users.Remember(user, userId);
        return applied is { } done
            ? new CardReviewResult(ReviewOutcome.Recorded, done.ReviewId, done.Card)
            : new CardReviewResult(ReviewOutcome.Stale, 0, null);
    }

    public async Task<RegradeResult> RegradeAsync(ChatUser user, long reviewId, Rating rating, ScheduleCard schedule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await RegradeAsync(transaction, user, reviewId, rating, schedule, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<RegradeResult> RegradeAsync(NpgsqlTransaction transaction, ChatUser user, long reviewId, Rating rating, ScheduleCard schedule,
        CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        // FOR UPDATE: two re-grades of one review (or a re-grade racing a new review) apply one after the other.
        var logged = await connection.QuerySingleOrDefaultAsync<LoggedReview>(new CommandDefinition(
            """
            SELECT user_id AS UserId, question_id AS QuestionId, rating AS Rating, reviewed_at AS ReviewedAt, before_state AS State,
                   before_stability AS Stability, before_difficulty AS Difficulty, before_due AS Due, before_last_review AS LastReview,
                   before_reps AS Reps, before_lapses AS Lapses
            FROM review_log WHERE id = @reviewId FOR UPDATE
            """, new { reviewId }, transaction, cancellationToken: cancellationToken));
        if (logged is null) return new(RegradeOutcome.UnknownReview, null, null);
        var userId = database.Users.Find(user) ?? await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM users WHERE platform = @Platform AND external_id = @UserId", new { user.Platform, user.UserId }, transaction,
            cancellationToken: cancellationToken));
        if (userId != logged.UserId) return new(RegradeOutcome.NotOwner, logged.QuestionId, null);
        var latest = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT MAX(id) FROM review_log WHERE user_id = @UserId AND question_id = @QuestionId", new { logged.UserId, logged.QuestionId }, transaction,
            cancellationToken: cancellationToken));
        if (latest != reviewId) return new(RegradeOutcome.NotLatest, logged.QuestionId, null);
        if ((Rating)logged.Rating == Rating.Again || rating == Rating.Again) return new(RegradeOutcome.NotRecalled, logged.QuestionId, null);

        var after = schedule(logged.ToCard(), rating, Time.FromMs(logged.ReviewedAt));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE review_cards SET state = @state, stability = @stability, difficulty = @difficulty, due = @due, last_review = @last,
                reps = @reps, lapses = @lapses, last_rating = @rating
            WHERE user_id = @UserId AND question_id = @QuestionId
            """,
            new
            {
                state = (int)after.State, stability = after.Stability, difficulty = after.Difficulty, due = Time.ToMs(after.Due),
                last = after.LastReview is { } last ? Time.ToMs(last) : (long?)null, reps = after.Reps, lapses = after.Lapses,
                rating = (int)rating, logged.UserId, logged.QuestionId,
            }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE review_log SET rating = @rating WHERE id = @reviewId", new { rating = (int)rating, reviewId }, transaction, cancellationToken: cancellationToken));
        return new(RegradeOutcome.Regraded, logged.QuestionId, after);
    }

    public async Task<StoredCard?> NextDueAsync(long userId, DateTimeOffset now, IReadOnlyCollection<string>? topicIds, IReadOnlyCollection<string> heldQuestionIds,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<StoredCardRow>(new CommandDefinition(
            $"""
            SELECT {CardColumns} FROM review_cards
            WHERE user_id = @userId AND NOT retired AND due <= @now {Filters(topicIds, heldQuestionIds)}
            ORDER BY due LIMIT 1
            """,
            Parameters(userId, now, topicIds, heldQuestionIds), cancellationToken: cancellationToken));
        return row?.ToStoredCard();
    }

    public async Task<DueSummary> DueAsync(long userId, DateTimeOffset now, IReadOnlyCollection<string>? topicIds, IReadOnlyCollection<string> heldQuestionIds,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var filters = Filters(topicIds, heldQuestionIds);
        var summary = await connection.QuerySingleAsync<Due>(new CommandDefinition(
            $"""
            SELECT
                (SELECT COUNT(*) FROM review_cards WHERE user_id = @userId AND NOT retired AND due <= @now {filters}) AS Count,
                (SELECT MIN(due) FROM review_cards WHERE user_id = @userId AND NOT retired AND due > @now {filters}) AS Next
            """,
            Parameters(userId, now, topicIds, heldQuestionIds), cancellationToken: cancellationToken));
        return new DueSummary((int)summary.Count, Time.FromMs(summary.Next));
    }

    public async Task<IReadOnlyList<StoredCard>> CardsAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredCardRow>(new CommandDefinition(
            $"SELECT {CardColumns} FROM review_cards WHERE user_id = @userId AND NOT retired ORDER BY due, question_id COLLATE \"C\"",
            new { userId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredCard()).ToList();
    }

    public async Task<IReadOnlySet<string>> CardQuestionIdsAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT question_id FROM review_cards WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<int> AllDueCountAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The whole hours before now from the due tally (migration 011), the current hour's cards up to now from the index on due.
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT (SELECT COALESCE(SUM(cards), 0) FROM review_due_hours WHERE hour < @Hour)
                 + (SELECT COUNT(*) FROM review_cards WHERE NOT retired AND due >= @Hour * 3600000 AND due <= @Now)
            """, DueHours.Of(now), cancellationToken: cancellationToken));
    }

    public async Task<int> NewReviewCardsSinceAsync(long userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM review_log WHERE user_id = @userId AND reviewed_at >= @since AND source = 'review' AND before_reps = 0",
            new { userId, since = Time.ToMs(since) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>> AnsweredPackIdsAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT p.pack_id COLLATE "C" FROM posts p
            WHERE p.channel_id IN (SELECT DISTINCT channel_id FROM answers WHERE user_id = @userId)
            ORDER BY 1
            """,
            new { userId }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<RecallCount> RecallSinceAsync(long userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var recall = await connection.QuerySingleAsync<Recall>(new CommandDefinition(
            """
            SELECT COUNT(*) AS Reviewed, COUNT(*) FILTER (WHERE rating <> 1) AS Recalled FROM review_log
            WHERE user_id = @userId AND reviewed_at >= @since AND before_reps > 0
              AND question_id IN (SELECT question_id FROM review_cards WHERE user_id = @userId AND NOT retired)
            """,
            new { userId, since = Time.ToMs(since) }, cancellationToken: cancellationToken));
        return new RecallCount((int)recall.Reviewed, (int)recall.Recalled);
    }

    public async Task<int> SyncRetiredAsync(IReadOnlyCollection<string> loadedQuestionIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One statement, one pass over the cards: only the rows whose flag changes are written.
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE review_cards SET retired = NOT retired WHERE retired <> (question_id <> ALL(@loaded))",
            new { loaded = loadedQuestionIds.ToArray() }, cancellationToken: cancellationToken));
    }

    /// <summary>Arrays, not Dapper's list expansion: Npgsql takes a text[] as one parameter.</summary>
    private static string Filters(IReadOnlyCollection<string>? topicIds, IReadOnlyCollection<string> heldQuestionIds) =>
        (topicIds is null ? "" : "AND topic_id = ANY(@topicIds) ") + (heldQuestionIds.Count == 0 ? "" : "AND question_id <> ALL(@heldQuestionIds)");

    private static object Parameters(long userId, DateTimeOffset now, IReadOnlyCollection<string>? topicIds, IReadOnlyCollection<string> heldQuestionIds) =>
        new { userId, now = Time.ToMs(now), topicIds = topicIds?.ToArray(), heldQuestionIds = heldQuestionIds.ToArray() };

    private sealed class StoredCardRow
    {
        public string QuestionId { get; init; } = "";
        public string PackId { get; init; } = "";
        public string TopicId { get; init; } = "";
        public int State { get; init; }
        public double Stability { get; init; }
        public double Difficulty { get; init; }
        public long Due { get; init; }
        public long? LastReview { get; init; }
        public int Reps { get; init; }
        public int Lapses { get; init; }
        public int LastRating { get; init; }

        public StoredCard ToStoredCard() => new(QuestionId, PackId, TopicId,
            new MemoryCard((CardState)State, Stability, Difficulty, Time.FromMs(Due), Time.FromMs(LastReview), Reps, Lapses), (Rating)LastRating);
    }

    private sealed class LoggedReview
    {
        public long UserId { get; init; }
        public string QuestionId { get; init; } = "";
        public int Rating { get; init; }
        public long ReviewedAt { get; init; }
        public int State { get; init; }
        public double Stability { get; init; }
        public double Difficulty { get; init; }
        public long Due { get; init; }
        public long? LastReview { get; init; }
        public int Reps { get; init; }
        public int Lapses { get; init; }

        public MemoryCard ToCard() => new((CardState)State, Stability, Difficulty, Time.FromMs(Due), Time.FromMs(LastReview), Reps, Lapses);
    }

    private sealed class Due
    {
        public long Count { get; init; }
        public long? Next { get; init; }
    }

    private sealed class Recall
    {
        public long Reviewed { get; init; }
        public long Recalled { get; init; }
    }
}
