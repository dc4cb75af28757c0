using Microsoft.Data.Sqlite;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// The card update and review log row of one review, written inside a group write: the answer that
/// caused it and the card commit together or not at all.
/// </summary>
internal static class ReviewCardWrites
{
    private const string ReadCard =
        "SELECT state, stability, difficulty, due, last_review, reps, lapses, last_rating FROM review_cards WHERE user_id = $user AND question_id = $question";

    private const string UpsertCard =
        """
        INSERT INTO review_cards (user_id, question_id, pack_id, topic_id, state, stability, difficulty, due, last_review, reps, lapses, last_rating, retired)
        VALUES ($user, $question, $pack, $topic, $state, $stability, $difficulty, $due, $last, $reps, $lapses, $rating, 0)
        ON CONFLICT (user_id, question_id) DO UPDATE SET
            pack_id = excluded.pack_id, topic_id = excluded.topic_id, state = excluded.state, stability = excluded.stability,
            difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review, reps = excluded.reps,
            lapses = excluded.lapses, last_rating = excluded.last_rating, retired = 0
        """;

    private const string InsertLog =
        """
        INSERT INTO review_log (user_id, question_id, rating, reviewed_at, elapsed_days, source, before_state, before_stability,
            before_difficulty, before_due, before_last_review, before_reps, before_lapses, before_last_rating)
        VALUES ($user, $question, $rating, $at, $elapsed, $source, $state, $stability, $difficulty, $due, $last, $reps, $lapses, $lastRating)
        RETURNING id
        """;

    /// <summary>The member's card for the question, or null when there is none yet.</summary>
    public static (MemoryCard Card, Rating LastRating)? Read(GroupWrite write, long userId, string questionId)
    {
        using var reader = write.Command(ReadCard, ("$user", userId), ("$question", questionId)).ExecuteReader();
        return reader.Read() ? (CardFrom(reader, 0), (Rating)reader.GetInt32(7)) : null;
    }

    /// <summary>Applies the review; null (nothing written) when the card no longer has <paramref name="expectedReps"/> reviews.</summary>
    public static (long ReviewId, MemoryCard Card)? Apply(GroupWrite write, long userId, CardReview review, int? expectedReps = null)
    {
        var stored = Read(write, userId, review.QuestionId);
        if (expectedReps is { } reps && (stored?.Card.Reps ?? 0) != reps) return null;
        var before = stored?.Card ?? MemoryCard.New(review.ReviewedAt);
        var after = review.Schedule(before, review.Rating, review.ReviewedAt);
        WriteCard(write, userId, review.QuestionId, review.PackId, review.TopicId, after, review.Rating);
        var id = (long)write.Command(InsertLog,
            ("$user", userId), ("$question", review.QuestionId), ("$rating", (int)review.Rating), ("$at", Time.ToMs(review.ReviewedAt)),
            ("$elapsed", ElapsedDays(before, review.ReviewedAt)), ("$source", SourceName(review.Source)),
            ("$state", (int)before.State), ("$stability", before.Stability), ("$difficulty", before.Difficulty), ("$due", Time.ToMs(before.Due)),
            ("$last", before.LastReview is { } last ? Time.ToMs(last) : null), ("$reps", before.Reps), ("$lapses", before.Lapses),
            ("$lastRating", stored is { } s ? (int)s.LastRating : null)).ExecuteScalar()!;
        return (id, after);
    }

    public static void WriteCard(GroupWrite write, long userId, string questionId, string packId, string topicId, MemoryCard card, Rating rating) =>
        write.Command(UpsertCard,
            ("$user", userId), ("$question", questionId), ("$pack", packId), ("$topic", topicId), ("$state", (int)card.State),
            ("$stability", card.Stability), ("$difficulty", card.Difficulty), ("$due", Time.ToMs(card.Due)),
            ("$last", card.LastReview is { } last ? Time.ToMs(last) : null), ("$reps", card.Reps), ("$lapses", card.Lapses),
            ("$rating", (int)rating)).ExecuteNonQuery();

    /// <summary>A card from the columns state, stability, difficulty, due, last_review, reps, lapses starting at <paramref name="first"/>.</summary>
    public static MemoryCard CardFrom(SqliteDataReader reader, int first) => new(
        (CardState)reader.GetInt32(first), reader.GetDouble(first + 1), reader.GetDouble(first + 2), Time.FromMs(reader.GetInt64(first + 3)),
        reader.IsDBNull(first + 4) ? null : Time.FromMs(reader.GetInt64(first + 4)), reader.GetInt32(first + 5), reader.GetInt32(first + 6));

    /// <summary>Whole days since the last review (0 for a first review), as FSRS logs them.</summary>
    public static int ElapsedDays(MemoryCard before, DateTimeOffset at) =>
        before.LastReview is { } last && at > last ? (int)(at - last).TotalDays : 0;

    public static string SourceName(ReviewSource source) => source switch
    {
        ReviewSource.Daily => "daily",
        ReviewSource.Quiz => "quiz",
        _ => "review",
    };
}
