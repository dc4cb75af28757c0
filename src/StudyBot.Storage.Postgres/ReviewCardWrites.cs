using Dapper;
using Npgsql;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// The card update and review log row of one review, written inside the caller's transaction: the
/// answer that caused it and the card commit together or not at all. The card row is read FOR UPDATE,
/// so two reviews of one card (two nodes, or a double click) apply one after the other.
/// </summary>
internal static class ReviewCardWrites
{
    private const string ReadCard =
        "SELECT state AS State, stability AS Stability, difficulty AS Difficulty, due AS Due, last_review AS LastReview, reps AS Reps, " +
        "lapses AS Lapses, last_rating AS LastRating FROM review_cards WHERE user_id = @userId AND question_id = @questionId FOR UPDATE";

    /// <summary>What a review sets on an existing card (also used by the batched answer writes).</summary>
    internal const string CardUpdate =
        """
        ON CONFLICT (user_id, question_id) DO UPDATE SET
            pack_id = excluded.pack_id, topic_id = excluded.topic_id, state = excluded.state, stability = excluded.stability,
            difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review, reps = excluded.reps,
            lapses = excluded.lapses, last_rating = excluded.last_rating, retired = false
        """;

    private const string UpsertCard =
        """
        INSERT INTO review_cards (user_id, question_id, pack_id, topic_id, state, stability, difficulty, due, last_review, reps, lapses, last_rating, retired)
        VALUES (@userId, @questionId, @packId, @topicId, @state, @stability, @difficulty, @due, @last, @reps, @lapses, @rating, false)
        """ + "\n" + CardUpdate;

    private const string InsertLog =
        """
        INSERT INTO review_log (user_id, question_id, rating, reviewed_at, elapsed_days, source, before_state, before_stability,
            before_difficulty, before_due, before_last_review, before_reps, before_lapses, before_last_rating)
        VALUES (@userId, @questionId, @rating, @at, @elapsed, @source, @state, @stability, @difficulty, @due, @last, @reps, @lapses, @lastRating)
        RETURNING id
        """;

    /// <summary>Applies the review; null (nothing written) when the card no longer has <paramref name="expectedReps"/> reviews.</summary>
    public static async Task<(long ReviewId, MemoryCard Card)?> ApplyAsync(NpgsqlTransaction transaction, long userId, CardReview review,
        CancellationToken cancellationToken, int? expectedReps = null)
    {
        var connection = transaction.Connection!;
        var stored = await connection.QuerySingleOrDefaultAsync<CardRow>(new CommandDefinition(
            ReadCard, new { userId, questionId = review.QuestionId }, transaction, cancellationToken: cancellationToken));
        if (expectedReps is { } reps && (stored?.Reps ?? 0) != reps) return null;
        var (before, after) = Plan(stored, review);
        await connection.ExecuteAsync(new CommandDefinition(UpsertCard, new
        {
            userId, questionId = review.QuestionId, packId = review.PackId, topicId = review.TopicId, state = (int)after.State,
            stability = after.Stability, difficulty = after.Difficulty, due = Time.ToMs(after.Due),
            last = after.LastReview is { } lastReview ? Time.ToMs(lastReview) : (long?)null, reps = after.Reps, lapses = after.Lapses, rating = (int)review.Rating,
        }, transaction, cancellationToken: cancellationToken));
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertLog, new
        {
            userId, questionId = review.QuestionId, rating = (int)review.Rating, at = Time.ToMs(review.ReviewedAt),
            elapsed = ElapsedDays(before, review.ReviewedAt), source = SourceName(review.Source),
            state = (int)before.State, stability = before.Stability, difficulty = before.Difficulty, due = Time.ToMs(before.Due),
            last = before.LastReview is { } last ? Time.ToMs(last) : (long?)null, reps = before.Reps, lapses = before.Lapses,
            lastRating = stored is { } s ? s.LastRating : (int?)null,
        }, transaction, cancellationToken: cancellationToken));
        return (id, after);
    }

    /// <summary>The card before and after <paramref name="review"/>, from the stored card (a new card when none).</summary>
    internal static (MemoryCard Before, MemoryCard After) Plan(CardRow? stored, CardReview review)
    {
        var before = stored?.ToCard() ?? MemoryCard.New(review.ReviewedAt);
        return (before, review.Schedule(before, review.Rating, review.ReviewedAt));
    }

    /// <summary>Whole days since the last review (0 for a first review), as FSRS logs them.</summary>
    internal static int ElapsedDays(MemoryCard before, DateTimeOffset at) =>
        before.LastReview is { } last && at > last ? (int)(at - last).TotalDays : 0;

    internal static string SourceName(ReviewSource source) => source switch
    {
        ReviewSource.Daily => "daily",
        ReviewSource.Quiz => "quiz",
        _ => "review",
    };

    /// <summary>The card columns state … last_rating, as read by this store and the review store.</summary>
    internal sealed class CardRow
    {
        public int State { get; init; }
        public double Stability { get; init; }
        public double Difficulty { get; init; }
        public long Due { get; init; }
        public long? LastReview { get; init; }
        public int Reps { get; init; }
        public int Lapses { get; init; }
        public int LastRating { get; init; }

        public MemoryCard ToCard() => new((CardState)State, Stability, Difficulty, Time.FromMs(Due), Time.FromMs(LastReview), Reps, Lapses);
    }
}
