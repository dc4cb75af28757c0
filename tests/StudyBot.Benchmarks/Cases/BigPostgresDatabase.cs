using System.Globalization;
using Dapper;
using Npgsql;
using StudyBot.Storage.Postgres;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// The big database (<see cref="BigDatabaseShape"/>) on PostgreSQL: the store's migrations, then every
/// table filled by binary COPY (a minute against about ten for a million INSERTs), the identity
/// sequences moved past the copied ids as <c>storage copy</c> does, and ANALYZE.
/// </summary>
public static class BigPostgresDatabase
{
    public static async Task SeedAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await PostgresMigrator.MigrateAsync(dataSource, default);
        await using var connection = await dataSource.OpenConnectionAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Console.Error.WriteLine("seeding 1,000,000 answers on PostgreSQL (binary COPY) ...");

        await CopyAsync(connection, "channels (id, platform, external_id, enabled, time_zone, pack_id)", Enumerable.Range(1, BigDatabaseShape.Channels),
            async (row, id) => await row.WriteRowAsync(default, (long)id, "bench", BigDatabaseShape.ChannelName(id), true, "UTC", "aws-saa"));
        await CopyAsync(connection, "users (id, platform, external_id, display_name)", Enumerable.Range(1, BigDatabaseShape.Users),
            async (row, id) => await row.WriteRowAsync(default, (long)id, "bench", BigDatabaseShape.UserName(id), BigDatabaseShape.UserName(id)));
        // The shape is enumerated twice (the same seed gives the same rows): COPY fills one table at a time.
        await CopyAsync(connection, "posts (id, channel_id, pack_id, question_id, local_date, opens_at, closes_at, closed_at)", BigDatabaseShape.Posts(today),
            async (row, p) => await row.WriteRowAsync(default, p.Id, (long)p.ChannelId, "aws-saa", p.QuestionId,
                p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.OpensAt, p.ClosesAt, p.ClosesAt));
        var written = await CopyAsync(connection, "answers (post_id, user_id, channel_id, topic_id, choices, is_correct, points, streak, answered_at)",
            BigDatabaseShape.Posts(today).SelectMany(p => p.Answers.Select(a => (Post: p, Answer: a))),
            async (row, pa) => await row.WriteRowAsync(default, pa.Post.Id, (long)pa.Answer.UserId, (long)pa.Post.ChannelId, pa.Answer.TopicId,
                pa.Answer.Choices, pa.Answer.Correct, pa.Answer.Points, pa.Answer.Streak, pa.Answer.AnsweredAt));

        // What closing each post would have added up (PostgresPostStore.CloseAsync does this per post).
        await connection.ExecuteAsync(
            """
            INSERT INTO board_totals (channel_id, user_id, points, correct, answered)
            SELECT channel_id, user_id, SUM(points), COUNT(*) FILTER (WHERE is_correct), COUNT(*) FROM answers GROUP BY channel_id, user_id;
            SELECT setval(pg_get_serial_sequence('channels', 'id'), (SELECT MAX(id) FROM channels));
            SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT MAX(id) FROM users));
            SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT MAX(id) FROM posts));
            """, commandTimeout: 600);
        // Its own statement: VACUUM cannot run inside the implicit transaction of a batch.
        await connection.ExecuteAsync("VACUUM ANALYZE", commandTimeout: 600);
        Console.Error.WriteLine($"  seeded {written:N0} answers");
    }

    private static async Task<ulong> CopyAsync<T>(NpgsqlConnection connection, string table, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows) await write(importer, row);
        return await importer.CompleteAsync();
    }
}
