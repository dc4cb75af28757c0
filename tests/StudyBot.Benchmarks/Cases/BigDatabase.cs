using System.Globalization;
using Dapper;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// The big database (<see cref="BigDatabaseShape"/>) on SQLite, seeded with synchronous=OFF in one
/// transaction: these rows are fixtures, not acknowledged answers.
/// </summary>
public static class BigDatabase
{
    /// <summary>
    /// Seeds a new file, or reuses the one named by STUDYBOT_BENCH_DB when it was seeded today
    /// (seeding takes a minute; handy while iterating on a query).
    /// </summary>
    public static SqliteDatabase CreateOrReuse(string path)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (Environment.GetEnvironmentVariable("STUDYBOT_BENCH_DB") is { Length: > 0 } kept)
        {
            if (File.Exists(kept) && DateOnly.FromDateTime(File.GetLastWriteTimeUtc(kept)) == today)
            {
                var reused = new SqliteDatabase(kept);
                reused.Migrate();
                return reused;
            }
            path = kept;
            if (File.Exists(path)) File.Delete(path);
        }
        Console.Error.WriteLine("seeding 1,000,000 answers ...");
        return Create(path, today);
    }

    public static SqliteDatabase Create(string path, DateOnly today)
    {
        var database = new SqliteDatabase(path);
        database.Migrate();
        using var connection = database.Open();
        connection.Execute("PRAGMA synchronous = OFF;");
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            "INSERT INTO channels (id, platform, external_id, enabled, time_zone, pack_id) VALUES (@Id, 'bench', @Name, 1, 'UTC', 'aws-saa')",
            Enumerable.Range(1, BigDatabaseShape.Channels).Select(id => new { Id = id, Name = BigDatabaseShape.ChannelName(id) }), transaction);
        connection.Execute(
            "INSERT INTO users (id, platform, external_id, display_name) VALUES (@Id, 'bench', @Name, @Name)",
            Enumerable.Range(1, BigDatabaseShape.Users).Select(id => new { Id = id, Name = BigDatabaseShape.UserName(id) }), transaction);

        using var post = Prepare(connection, transaction,
            "INSERT INTO posts (id, channel_id, pack_id, question_id, local_date, opens_at, closes_at, closed_at) VALUES ($id, $channel, 'aws-saa', $question, $date, $opens, $closes, $closes)",
            "$id", "$channel", "$question", "$date", "$opens", "$closes");
        using var answer = Prepare(connection, transaction,
            "INSERT INTO answers (post_id, user_id, channel_id, topic_id, choices, is_correct, points, streak, answered_at) VALUES ($post, $user, $channel, $topic, $choices, $correct, $points, $streak, $at)",
            "$post", "$user", "$channel", "$topic", "$choices", "$correct", "$points", "$streak", "$at");
        long posts = 0, written = 0;
        foreach (var p in BigDatabaseShape.Posts(today))
        {
            Run(post, p.Id, p.ChannelId, p.QuestionId, p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.OpensAt, p.ClosesAt);
            posts++;
            foreach (var a in p.Answers)
            {
                Run(answer, p.Id, a.UserId, p.ChannelId, a.TopicId, a.Choices, a.Correct ? 1 : 0, a.Points, a.Streak, a.AnsweredAt);
                written++;
            }
        }
        // What closing each post would have added up (SqlitePostStore.CloseAsync does this per post).
        connection.Execute(
            """
            INSERT INTO board_totals (channel_id, user_id, points, correct, answered)
            SELECT channel_id, user_id, SUM(points), SUM(is_correct), COUNT(*) FROM answers GROUP BY channel_id, user_id
            """, transaction: transaction);
        transaction.Commit();
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        Console.Error.WriteLine($"  seeded {written:N0} answers in {posts:N0} posts");
        return database;
    }

    private static Microsoft.Data.Sqlite.SqliteCommand Prepare(Microsoft.Data.Sqlite.SqliteConnection connection,
        Microsoft.Data.Sqlite.SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(Microsoft.Data.Sqlite.SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
