using System.Data.Common;
using Dapper;
using Npgsql;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Study;
using StudyBot.Testing.Postgres;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// Weekly and all-time boards and /stats on the big database (<see cref="BigDatabaseShape"/>), through the
/// inbound port as a user runs them, beside the same queries forced to a full scan of the answers table.
/// The same cases on either provider: <see cref="RunAsync"/> on SQLite, <see cref="RunPostgresAsync"/> on PostgreSQL.
/// </summary>
public static class LeaderboardBench
{
    private const int Warmup = 50, Iterations = 1_000, NaiveIterations = 15, AfterCloseIterations = 200;

    /// <summary>One provider's big database: how to open it, the bot's storage settings, and its naive full-scan queries.</summary>
    /// <param name="DatabasePath">The SQLite file; on PostgreSQL an unused one (Quartz shares the database there).</param>
    private sealed record BoardsStorage(string Label, Func<DbConnection> Open, string DatabasePath, string[] BotSettings, string NaiveBoard, string NaiveStats);

    public static async Task RunAsync(ResultTable table)
    {
        using var dir = new TempDirectory();
        var database = BigDatabase.CreateOrReuse(dir.File("big.db"));
        var storage = new BoardsStorage("", database.Open, database.Path, [], SqliteNaive.Board, SqliteNaive.Stats);
        await RunCasesAsync(table, storage);
    }

    public static async Task RunPostgresAsync(ResultTable table)
    {
        if (PostgresBinaries.Folder is null)
        {
            Console.Error.WriteLine($"boards and /stats on PostgreSQL: skipped, {PostgresBinaries.HowToInstall}");
            return;
        }
        using var dir = new TempDirectory();
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await BigPostgresDatabase.SeedAsync(connectionString);
        var storage = new BoardsStorage(", PostgreSQL", () => OpenWithoutIndexes(connectionString), dir.File("unused.db"),
            ["--StudyBot:Storage:Provider=postgres", $"--StudyBot:Storage:ConnectionString={connectionString}"], PostgresNaive.Board, PostgresNaive.Stats);
        await RunCasesAsync(table, storage);
    }

    private static async Task RunCasesAsync(ResultTable table, BoardsStorage storage)
    {
        using var bot = new BotCore(storage.DatabasePath, Repository.Content, settings: storage.BotSettings);
        var (weekStart, weekEnd) = TimeZones.WeekOf(DateTimeOffset.UtcNow, TimeZoneInfo.Utc);

        foreach (var channel in new[] { BigDatabaseShape.BigChannel, BigDatabaseShape.TypicalChannel })
        {
            long channelId, userId;
            string user;
            using (var connection = storage.Open())
            {
                channelId = await connection.ExecuteScalarAsync<long>("SELECT id FROM channels WHERE external_id = @channel", new { channel });
                user = (await connection.ExecuteScalarAsync<string>(
                    "SELECT u.external_id FROM answers a JOIN users u ON u.id = a.user_id WHERE a.channel_id = @channelId LIMIT 1", new { channelId }))!;
                userId = await connection.ExecuteScalarAsync<long>("SELECT id FROM users WHERE external_id = @user", new { user });
            }
            var size = (channel == BigDatabaseShape.BigChannel ? "big channel, 120,000 answers" : "typical channel, ~1,760 answers") + storage.Label;

            var weekly = await CommandAsync(bot, user, channel, "/leaderboard");
            var weeklyNaive = Naive(storage, storage.NaiveBoard, new { channelId, from = weekStart.ToUnixTimeMilliseconds(), to = weekEnd.ToUnixTimeMilliseconds() });
            var afterClose = await FirstReadAfterCloseAsync(bot, user, channel, channelId);
            table.Add(new Result($"weekly top 10 p99 ({size})", weekly.P99, "ms", 2, true, "naive full scan p99", weeklyNaive.P99,
                $"{Spread(weekly)}; first read after a close (the board cache dropped): p50 {ResultTable.Number(afterClose.P50)} ms, p99 {ResultTable.Number(afterClose.P99)} ms over {afterClose.Count:N0}"));

            var allTime = await CommandAsync(bot, user, channel, "/leaderboard all");
            var allTimeNaive = Naive(storage, storage.NaiveBoard, new { channelId, from = long.MinValue, to = long.MaxValue });
            table.Add(new Result($"all-time top 10 p99 ({size})", allTime.P99, "ms", 5, true, "naive full scan p99", allTimeNaive.P99, Spread(allTime)));

            var stats = await CommandAsync(bot, user, channel, "/stats");
            var statsNaive = Naive(storage, storage.NaiveStats, new { channelId, userId });
            table.Add(new Result($"/stats p99 ({size})", stats.P99, "ms", 2, true, "naive full scan p99", statsNaive.P99, Spread(stats)));
        }
    }

    /// <summary>
    /// A board changes only when a post of its channel closes, so the store keeps it until then. This
    /// times the read that follows a close: an empty post is reserved and closed before each call.
    /// </summary>
    private static async Task<Latencies> FirstReadAfterCloseAsync(BotCore bot, string user, string channel, long channelId)
    {
        var posts = bot.Get<StudyBot.Core.Storage.IPostStore>();
        var latencies = new Latencies();
        var day = new DateOnly(2200, 1, 1).AddDays(Random.Shared.Next(0, 300_000));
        for (var i = 0; i < AfterCloseIterations; i++)
        {
            var opens = DateTimeOffset.UtcNow.AddYears(-1);
            var (post, _) = await posts.ReserveAsync(new StudyBot.Core.Storage.NewPost(channelId, "aws-saa", "none", day.AddDays(i), opens, opens.AddHours(1)), default);
            await posts.CloseAsync(post.Id, DateTimeOffset.UtcNow, default);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await bot.Inbox.HandleCommandAsync(BotCore.As(user, channel), "/leaderboard", default);
            latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        return latencies;
    }

    private static string Spread(Latencies latencies) =>
        $"p50 {ResultTable.Number(latencies.P50)} ms, max {ResultTable.Number(latencies.Max)} ms over {latencies.Count:N0} calls";

    private static Task<Latencies> CommandAsync(BotCore bot, string user, string channel, string command) =>
        Latencies.OfAsync(Warmup, Iterations, async () =>
        {
            var reply = await bot.Inbox.HandleCommandAsync(BotCore.As(user, channel), command, default);
            if (reply.Message.Title.StartsWith("Something went wrong", StringComparison.Ordinal))
                throw new InvalidOperationException($"{command} failed: {reply.Message.Body}");
        });

    private static Latencies Naive(BoardsStorage storage, string sql, object parameters)
    {
        using var connection = storage.Open();
        return Latencies.Of(2, NaiveIterations, () => connection.Query(sql, parameters).AsList());
    }

    /// <summary>
    /// A connection whose planner may use no index (sequential scans and hash joins only): PostgreSQL
    /// has no per-column way to hide an index as SQLite's unary + does, so the session turns index scans off.
    /// </summary>
    private static NpgsqlConnection OpenWithoutIndexes(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        connection.Execute("SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off;");
        return connection;
    }

    /// <summary>
    /// The board and stats queries with the answers table read in full (unary + keeps every index out
    /// of the WHERE clause, CROSS JOIN keeps the planner from driving the join from posts): what a schema without indexes does.
    /// </summary>
    private static class SqliteNaive
    {
        public const string Board = """
            SELECT a.user_id, u.display_name, SUM(a.points) AS Points, SUM(a.is_correct) AS Correct, COUNT(*)
            FROM answers a CROSS JOIN posts p CROSS JOIN users u
            WHERE p.id = a.post_id AND p.closed_at IS NOT NULL AND u.id = a.user_id
              AND +a.channel_id = @channelId AND +a.answered_at >= @from AND +a.answered_at < @to
            GROUP BY a.user_id
            ORDER BY Points DESC, Correct DESC, u.display_name COLLATE NOCASE, a.user_id
            LIMIT 10
            """;

        public const string Stats = """
            SELECT COUNT(*), SUM(a.is_correct), SUM(a.points), MAX(a.streak)
            FROM answers a CROSS JOIN posts p
            WHERE p.id = a.post_id AND p.closed_at IS NOT NULL AND +a.channel_id = @channelId AND +a.user_id = @userId;
            SELECT a.topic_id, COUNT(*), SUM(a.is_correct) FROM answers a CROSS JOIN posts p
            WHERE p.id = a.post_id AND p.closed_at IS NOT NULL AND +a.user_id = @userId GROUP BY a.topic_id;
            """;
    }

    /// <summary>The same queries in PostgreSQL's dialect, run on a connection from <see cref="OpenWithoutIndexes"/>.</summary>
    private static class PostgresNaive
    {
        public const string Board = """
            SELECT a.user_id, u.display_name, SUM(a.points) AS points, COUNT(*) FILTER (WHERE a.is_correct) AS correct, COUNT(*)
            FROM answers a JOIN posts p ON p.id = a.post_id JOIN users u ON u.id = a.user_id
            WHERE p.closed_at IS NOT NULL AND a.channel_id = @channelId AND a.answered_at >= @from AND a.answered_at < @to
            GROUP BY a.user_id, u.display_name
            ORDER BY points DESC, correct DESC, lower(u.display_name), a.user_id
            LIMIT 10
            """;

        public const string Stats = """
            SELECT COUNT(*), COUNT(*) FILTER (WHERE a.is_correct), SUM(a.points), MAX(a.streak)
            FROM answers a JOIN posts p ON p.id = a.post_id
            WHERE p.closed_at IS NOT NULL AND a.channel_id = @channelId AND a.user_id = @userId;
            SELECT a.topic_id, COUNT(*), COUNT(*) FILTER (WHERE a.is_correct) FROM answers a JOIN posts p ON p.id = a.post_id
            WHERE p.closed_at IS NOT NULL AND a.user_id = @userId GROUP BY a.topic_id;
            """;
    }
}
