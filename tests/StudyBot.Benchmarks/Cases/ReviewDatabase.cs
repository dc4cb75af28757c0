using Dapper;
using Microsoft.Data.Sqlite;
using StudyBot.Core.Content;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// Members with FSRS cards, written straight into the store's own tables (the schema its migrations
/// made) in one transaction with synchronous=OFF: fixtures, not acknowledged reviews. Cards use the
/// pack's real question ids, so the bot does not retire them as removed questions.
/// </summary>
public static class ReviewDatabase
{
    /// <summary>How a member's cards are spread in time.</summary>
    public enum Member
    {
        /// <summary>Behind: due dates from 20 days ago to 120 days ahead, so about one card in seven is due.</summary>
        Behind,

        /// <summary>Caught up: every card due an hour or more from now.</summary>
        CaughtUp,
    }

    private const string InsertCard =
        """
        INSERT INTO review_cards (user_id, question_id, pack_id, topic_id, state, stability, difficulty, due, last_review, reps, lapses, last_rating, retired)
        VALUES ($user, $question, $pack, $topic, $state, $stability, $difficulty, $due, $last, $reps, $lapses, $rating, 0)
        """;

    /// <summary>
    /// Adds users <paramref name="externalId"/>(0..members-1) on <paramref name="platform"/>, each with a card for
    /// each of <paramref name="questions"/> (in ordinal id order, which is the table's key order); returns the users' row ids.
    /// </summary>
    public static long[] Seed(SqliteDatabase database, string platform, Func<int, string> externalId, int members,
        IReadOnlyList<(string PackId, Question Question)> questions, DateTimeOffset now, Func<int, Member> kind, int seed = 13)
    {
        var ordered = questions.OrderBy(q => q.Question.Id, StringComparer.Ordinal).ToList();
        using var connection = database.Open();
        connection.Execute("PRAGMA synchronous = OFF;");
        using var transaction = connection.BeginTransaction();
        var firstId = connection.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) + 1 FROM users", transaction: transaction);
        var ids = Enumerable.Range(0, members).Select(i => firstId + i).ToArray();
        connection.Execute("INSERT INTO users (id, platform, external_id, display_name) VALUES (@Id, @Platform, @Name, @Name)",
            Enumerable.Range(0, members).Select(i => new { Id = ids[i], Platform = platform, Name = externalId(i) }), transaction);

        using var card = connection.CreateCommand();
        card.Transaction = transaction;
        card.CommandText = InsertCard;
        foreach (var name in new[] { "$user", "$question", "$pack", "$topic", "$state", "$stability", "$difficulty", "$due", "$last", "$reps", "$lapses", "$rating" })
            card.Parameters.Add(new SqliteParameter { ParameterName = name });
        card.Prepare();
        var random = new Random(seed);
        var nowMs = now.ToUnixTimeMilliseconds();
        const long day = 86_400_000L;
        for (var m = 0; m < members; m++)
        {
            var behind = kind(m) == Member.Behind;
            foreach (var (packId, question) in ordered)
            {
                // One card in twenty lapsed lately (Relearning, rated Again, due within a day either way);
                // the rest are in Review with the interval their stability gives.
                var lapsed = random.Next(20) == 0;
                long due = lapsed
                    ? nowMs + (long)((random.NextDouble() * 2 - (behind ? 1 : -0.05)) * day)
                    : behind ? nowMs + (long)((random.NextDouble() * 140 - 20) * day) : nowMs + (long)((random.NextDouble() * 120 + 0.05) * day);
                var stability = lapsed ? 0.3 + random.NextDouble() : 1 + random.NextDouble() * 60;
                var reps = 1 + random.Next(15);
                Bind(card, ids[m], question.Id, packId, question.TopicId, lapsed ? 3 : 2, stability, 1 + random.NextDouble() * 9, due,
                    due - (long)(stability * day), reps, lapsed ? 1 + random.Next(3) : random.Next(Math.Min(3, reps)), lapsed ? 1 : 3);
                card.ExecuteNonQuery();
            }
        }
        transaction.Commit();
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        return ids;
    }

    private static void Bind(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
    }
}
