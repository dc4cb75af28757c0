using System.Globalization;
using Dapper;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// A database the size the issue names: 1,000,000 answers from 10,000 users in 500 channels, every
/// post closed, 200 days of history ending today. Channel c0 is a big server (1,000 members, 600
/// answers a day); the other 499 share the remaining 9,000 users (about 18 each, 9 answers a day).
/// Seeded with synchronous=OFF in one transaction: these rows are fixtures, not acknowledged answers.
/// </summary>
public static class BigDatabase
{
    public const int Answers = 1_000_000, Users = 10_000, Channels = 500, Days = 200, TopicCount = 43;
    public const int BigChannelMembers = 1_000, BigChannelAnswersPerPost = 600;
    public const string BigChannel = "c0", TypicalChannel = "c250";

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
        var random = new Random(42);

        connection.Execute(
            "INSERT INTO channels (id, platform, external_id, enabled, time_zone, pack_id) VALUES (@Id, 'bench', @Name, 1, 'UTC', 'aws-saa')",
            Enumerable.Range(0, Channels).Select(c => new { Id = c + 1, Name = $"c{c}" }), transaction);
        connection.Execute(
            "INSERT INTO users (id, platform, external_id, display_name) VALUES (@Id, 'bench', @Name, @Name)",
            Enumerable.Range(0, Users).Select(u => new { Id = u + 1, Name = $"u{u}" }), transaction);

        using var post = Prepare(connection, transaction,
            "INSERT INTO posts (id, channel_id, pack_id, question_id, local_date, opens_at, closes_at, closed_at) VALUES ($id, $channel, 'aws-saa', $question, $date, $opens, $closes, $closes)",
            "$id", "$channel", "$question", "$date", "$opens", "$closes");
        using var answer = Prepare(connection, transaction,
            "INSERT INTO answers (post_id, user_id, channel_id, topic_id, choices, is_correct, points, streak, answered_at) VALUES ($post, $user, $channel, $topic, $choices, $correct, $points, $streak, $at)",
            "$post", "$user", "$channel", "$topic", "$choices", "$correct", "$points", "$streak", "$at");

        // Spread the answers the big channel does not give evenly over the other channels' posts.
        const long otherAnswers = Answers - BigChannelAnswersPerPost * Days, otherPosts = (Channels - 1) * Days;
        long postId = 0, written = 0, otherPost = 0;
        for (var c = 0; c < Channels; c++)
        {
            var members = Members(c);
            for (var d = 0; d < Days; d++)
            {
                var date = today.AddDays(d - Days + 1);
                var opens = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).ToUnixTimeMilliseconds();
                var closes = opens + 12 * 3_600_000L;
                postId++;
                Run(post, postId, c + 1, $"q{random.Next(335)}", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), opens, closes);

                int count;
                if (c == 0) count = BigChannelAnswersPerPost;
                else
                {
                    count = (int)((otherPost + 1) * otherAnswers / otherPosts - otherPost * otherAnswers / otherPosts);
                    otherPost++;
                }
                random.Shuffle(members);
                foreach (var user in members[..count].Order())
                {
                    var correct = random.Next(100) < 60;
                    var streak = correct ? 1 + random.Next(6) : 0;
                    Run(answer, postId, user, c + 1, $"t{random.Next(TopicCount)}", correct ? "0" : "1", correct ? 1 : 0,
                        correct ? Math.Min(20, 8 + 2 * streak) : 0, streak, opens + random.Next(12 * 3_600_000));
                    written++;
                }
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
        Console.Error.WriteLine($"  seeded {written:N0} answers in {postId:N0} posts");
        return database;
    }

    /// <summary>User ids (1-based) of a channel's members.</summary>
    private static int[] Members(int channel)
    {
        if (channel == 0) return Enumerable.Range(1, BigChannelMembers).ToArray();
        var others = Users - BigChannelMembers;
        return Enumerable.Range(0, others).Where(u => u % (Channels - 1) == channel - 1).Select(u => BigChannelMembers + u + 1).ToArray();
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
