using System.Diagnostics;
using Dapper;
using Npgsql;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Testing.Postgres;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// Issue 14: 10,000 first-time users answer one open question at once through the real inbound port
/// on the PostgreSQL provider (answers grouped by the provider's group commit, a transaction per
/// batch), beside raw Npgsql writing the same rows (a user row and an answer row per click) one
/// transaction each with the same concurrency. The server is a throwaway one with fsync on, so both
/// pay a durable commit per answer.
/// </summary>
public static class PostgresBurstBench
{
    public static async Task RunAsync(ResultTable table)
    {
        if (PostgresBinaries.Folder is null)
        {
            Console.Error.WriteLine($"answer burst on PostgreSQL: skipped, {PostgresBinaries.HowToInstall}");
            return;
        }
        using var dir = new TempDirectory();
        await using var server = await PostgresServer.StartAsync(durable: true);
        Console.Error.WriteLine("answer burst on PostgreSQL: raw Npgsql ...");
        var raw = await RawAsync(await server.CreateDatabaseAsync(), AnswerBurstBench.Clicks, AnswerBurstBench.InFlight);
        Console.Error.WriteLine("answer burst on PostgreSQL: through IChatInbox ...");
        var connectionString = await server.CreateDatabaseAsync();
        using var bot = new BotCore(dir.File("schedules.db"), Repository.AwsPack,
            settings: ["--StudyBot:Storage:Provider=postgres", $"--StudyBot:Storage:ConnectionString={connectionString}"]);
        await bot.Get<StudyBot.Storage.Postgres.PostgresDatabase>().MigrateAsync();
        var burst = new AnswerBurst(bot);
        await burst.OpenQuestionAsync();
        var writer = bot.Get<StudyBot.Storage.Postgres.PostgresDatabase>().Answers;
        var batchesBefore = writer.CommittedBatches;
        var outcome = await burst.RunAsync(AnswerBurstBench.Clicks, AnswerBurstBench.InFlight, distinctUsers: async postId =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            return (int)await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT user_id) FROM answers WHERE post_id = @postId", new { postId });
        });

        var batches = writer.CommittedBatches - batchesBefore;
        var clicks = AnswerBurstBench.Clicks;
        var ok = outcome.Recorded == clicks && outcome.StoredRows == clicks && outcome.DistinctUsers == clicks;
        var check = ok ? "10,000 rows, none twice" : $"CHECK FAILED: {outcome.Recorded:N0} acknowledged, {outcome.StoredRows:N0} rows, {outcome.DistinctUsers:N0} distinct users";
        table.Add(new Result("answer burst via IChatInbox + PostgreSQL (answers/s)", outcome.PerSecond, "answers/s", 5_000, false,
            "raw Npgsql, one transaction each", raw.PerSecond, $"{check}; {AnswerBurstBench.InFlight} in flight; fsync on; {batches:N0} group commits for {clicks:N0} clicks", Checked: ok));
        table.Add(new Result("answer burst on PostgreSQL receipt-to-reply p99", outcome.Latency.P99, "ms", 50, true,
            "raw Npgsql commit p99", raw.Latency.P99,
            $"p50 {ResultTable.Number(outcome.Latency.P50)} ms, max {ResultTable.Number(outcome.Latency.Max)} ms; raw p50 {ResultTable.Number(raw.Latency.P50)} ms"));
    }

    private static async Task<BurstOutcome> RawAsync(string connectionString, int clicks, int inFlight)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await StudyBot.Storage.Postgres.PostgresMigrator.MigrateAsync(dataSource, default);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using (var setup = await dataSource.OpenConnectionAsync())
        {
            await setup.ExecuteAsync("INSERT INTO channels (id, platform, external_id, enabled) VALUES (1, 'raw', 'burst', true)");
            await setup.ExecuteAsync("INSERT INTO posts (id, channel_id, pack_id, question_id, local_date, opens_at, closes_at) VALUES (1, 1, 'aws-saa', 'q', '2026-01-01', @now, @later)",
                new { now, later = now + 3_600_000 });
        }
        var latency = new Latencies();
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < clicks)
            {
                var receipt = Stopwatch.GetTimestamp();
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var user = new NpgsqlCommand(
                    "INSERT INTO users (platform, external_id, display_name) VALUES ('raw', $1, $1) ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name RETURNING id",
                    connection, transaction) { Parameters = { new() { Value = $"user{i}" } } };
                var userId = (long)(await user.ExecuteScalarAsync())!;
                await using var answer = new NpgsqlCommand(
                    "INSERT INTO answers (post_id, user_id, channel_id, topic_id, choices, is_correct, points, streak, answered_at) VALUES (1, $1, 1, 'topic', '0', true, 10, 1, $2)",
                    connection, transaction) { Parameters = { new() { Value = userId }, new() { Value = now + i } } };
                await answer.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                latency.Add(Stopwatch.GetElapsedTime(receipt));
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        await using var count = await dataSource.OpenConnectionAsync();
        var stored = (int)await count.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers WHERE post_id = 1");
        return new BurstOutcome(clicks, elapsed, latency, clicks, stored, stored);
    }
}
