using System.Diagnostics;
using Dapper;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// The yardstick for the answer burst: the same rows (a user row and an answer row per click) with
/// the same durability (WAL, synchronous=FULL), one transaction each, straight through one
/// connection with prepared statements and nothing else in the way.
/// </summary>
public static class RawSqliteBurst
{
    public static BurstOutcome Run(string path, int clicks)
    {
        var database = new SqliteDatabase(path);
        database.Migrate();
        using var connection = database.Open();
        connection.Execute("INSERT INTO channels (id, platform, external_id, enabled) VALUES (1, 'raw', 'burst', 1)");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        connection.Execute("INSERT INTO posts (id, channel_id, pack_id, question_id, local_date, opens_at, closes_at) VALUES (1, 1, 'aws-saa', 'q', '2026-01-01', @now, @later)",
            new { now, later = now + 3_600_000 });

        using var user = connection.CreateCommand();
        user.CommandText = "INSERT INTO users (platform, external_id, display_name) VALUES ('raw', $name, $name) ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name RETURNING id";
        var name = user.Parameters.Add("$name", Microsoft.Data.Sqlite.SqliteType.Text);
        using var answer = connection.CreateCommand();
        answer.CommandText = "INSERT INTO answers (post_id, user_id, channel_id, topic_id, choices, is_correct, points, streak, answered_at) VALUES (1, $user, 1, 'topic', '0', 1, 10, 1, $at)";
        var userId = answer.Parameters.Add("$user", Microsoft.Data.Sqlite.SqliteType.Integer);
        var at = answer.Parameters.Add("$at", Microsoft.Data.Sqlite.SqliteType.Integer);

        var latency = new Latencies();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < clicks; i++)
        {
            var receipt = Stopwatch.GetTimestamp();
            using var transaction = connection.BeginTransaction();
            user.Transaction = answer.Transaction = transaction;
            name.Value = $"user{i}";
            userId.Value = (long)user.ExecuteScalar()!;
            at.Value = now + i;
            answer.ExecuteNonQuery();
            transaction.Commit();
            latency.Add(Stopwatch.GetElapsedTime(receipt));
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var stored = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM answers WHERE post_id = 1");
        return new BurstOutcome(clicks, elapsed, latency, clicks, stored, stored);
    }
}
