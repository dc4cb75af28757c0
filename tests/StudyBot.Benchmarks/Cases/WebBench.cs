using System.Diagnostics;
using Dapper;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Items;
using StudyBot.Core.Storage;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// Issue 15: the web endpoint on a database of 1,000,000 daily answers on closed posts of the real
/// aws-saa pack (<see cref="ItemDatabase"/>) and 3,350,000 review cards (10,000 members × 335), over
/// real HTTP on loopback. The page serves <see cref="KeptItemAnalysis"/>: warm it only renders; right after a
/// close it serves the previous analysis while one refresh runs (timed too, until done). The analysis alone
/// (IItemAnalysisQueries + ItemAnalyzer, no kept analysis) is timed beside it, warm (tallies kept) and after
/// a close (tallies read from SQLite). Every <c>/metrics</c> scrape counts the reviews due (from the due-hour
/// tally of migration 011): timed at the real clock and with the clock moved to a new hour before each scrape,
/// beside the count alone and the count it replaced (COUNT(*) over the cards), which also checks the tally.
/// </summary>
public static class WebBench
{
    public const int CardMembers = 10_000;
    private const int Warmup = 50, Iterations = 1_000, FirstReads = 8, FullCounts = 20, MovingScrapes = 200;

    public static async Task RunAsync(ResultTable table)
    {
        using var dir = new TempDirectory();
        var path = dir.File("web.db");
        SeedDatabase(path);

        // Runs at real speed; moved past the reviews-due max age when a scrape must count again.
        var clock = new ShiftedClock(DateTimeOffset.UtcNow);
        await using var bot = await WebBot.StartAsync(path, Repository.AwsPack, clock);
        var analyzer = bot.Get<ItemAnalyzer>();
        var kept = bot.Get<KeptItemAnalysis>();
        var filter = new ItemFilter("aws-saa");
        var report = await analyzer.AnalyzeAsync(filter, default);
        var answers = report.Answers;
        var checkedOk = answers == ItemDatabase.Answers && report.Questions.Count == 335;
        var check = checkedOk ? $"{answers:N0} answers over {report.Questions.Count} questions, {report.Members:N0} members"
            : $"CHECK FAILED: {answers:N0} answers, {report.Questions.Count} questions";

        var closes = new PostCloser(bot.Get<IChannelStore>(), bot.Get<IPostStore>());
        await PageAsync(bot); // the first ever request waits for the analysis
        Latencies firstQueries = new(), firstPage = new(), refreshes = new();
        for (var i = 0; i < FirstReads; i++)
        {
            await closes.CloseOneAsync();
            var started = Stopwatch.GetTimestamp();
            await analyzer.AnalyzeAsync(filter, default);
            firstQueries.Add(Stopwatch.GetElapsedTime(started));
            await closes.CloseOneAsync();
            started = Stopwatch.GetTimestamp();
            await PageAsync(bot);
            firstPage.Add(Stopwatch.GetElapsedTime(started));
            await kept.WhenRefreshed("aws-saa");
            refreshes.Add(Stopwatch.GetElapsedTime(started));
        }
        var warmQueries = await Latencies.OfAsync(Warmup, Iterations, () => analyzer.AnalyzeAsync(filter, default));
        var warmPage = await Latencies.OfAsync(Warmup, Iterations, () => PageAsync(bot));
        table.Add(new Result("questions page p99, warm (GET /questions?pack=aws-saa on loopback, 335 questions, 1,000,000 answers; analysis kept)", warmPage.P99, "ms", 100, true,
            "its queries alone (IItemAnalysisQueries + ItemAnalyzer, tallies kept) p99", warmQueries.P99,
            $"{Spread(warmPage)}; queries p50 {ResultTable.Number(warmQueries.P50)} ms; analysis kept until the next close; {check}", Checked: checkedOk));
        table.Add(new Result("questions page p99, first after a post closed (previous analysis served, one refresh in the background)", firstPage.P99, "ms", 100, true,
            "its queries alone after a close (tallies read from SQLite) p99", firstQueries.P99,
            $"{Spread(firstPage)}; queries p50 {ResultTable.Number(firstQueries.P50)} ms over {firstQueries.Count}; background refresh p50 {ResultTable.Number(refreshes.P50)} ms, max {ResultTable.Number(refreshes.Max)} ms", Checked: checkedOk));

        await ScrapesAsync(table, bot, clock);
    }

    private static async Task ScrapesAsync(ResultTable table, WebBot bot, ShiftedClock clock)
    {
        var store = bot.Get<IReviewStore>();
        var database = bot.Get<SqliteDatabase>();
        // The count as it was before the due tally: every live card due now, read from review_cards. Also the check.
        var fullCount = await Latencies.OfAsync(2, FullCounts, () => CountAllAsync(database, clock.GetUtcNow()));
        var now = clock.GetUtcNow();
        var (tallied, counted) = (await store.AllDueCountAsync(now, default), await CountAllAsync(database, now));
        var checkedOk = tallied == counted && tallied > 0;

        // Every scrape counts: at the real clock, then with the clock moved 37 min per scrape (a new hour, and
        // a new point in it, almost every time) over five days of the cards' due spread.
        var countAlone = await Latencies.OfAsync(Warmup, Iterations, () => store.AllDueCountAsync(clock.GetUtcNow(), default));
        var scrapes = await Latencies.OfAsync(Warmup, Iterations, () => ScrapeAsync(bot));
        var (movingScrapes, movingCounts) = (new Latencies(), new Latencies());
        for (var i = 0; i < MovingScrapes; i++)
        {
            clock.Set(clock.GetUtcNow() + TimeSpan.FromMinutes(37));
            var started = Stopwatch.GetTimestamp();
            await ScrapeAsync(bot);
            movingScrapes.Add(Stopwatch.GetElapsedTime(started));
            started = Stopwatch.GetTimestamp();
            await store.AllDueCountAsync(clock.GetUtcNow(), default);
            movingCounts.Add(Stopwatch.GetElapsedTime(started));
        }
        var plan = string.Join("; ", database.Open().Query<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN SELECT (SELECT COALESCE(SUM(cards), 0) FROM review_due_hours WHERE hour < 0) " +
            "+ (SELECT COUNT(*) FROM review_cards INDEXED BY review_cards_all_due WHERE retired = 0 AND due >= 0 AND due <= 0)").Select(row => row.Detail));

        var cards = $"{CardMembers * 335:N0} cards, {tallied:N0} due (tally) vs {counted:N0} (COUNT(*) over the cards)";
        var check = checkedOk ? cards : $"CHECK FAILED: {cards}";
        var before = $"the count before the tally (COUNT(*) over the cards) p50 {ResultTable.Number(fullCount.P50)} ms, p99 {ResultTable.Number(fullCount.P99)} ms over {fullCount.Count}";
        table.Add(new Result("/metrics scrape p99, every scrape counting the due cards (due-hour tally + the current hour from the index on due)", scrapes.P99, "ms", 10, true,
            "the count alone (IReviewStore.AllDueCountAsync) p99", countAlone.P99,
            $"{Spread(scrapes)}; count p50 {ResultTable.Number(countAlone.P50)} ms; {before}; {check}", Checked: checkedOk));
        table.Add(new Result("/metrics scrape p99, clock moved 37 min before each scrape (each counts at a new hour)", movingScrapes.P99, "ms", 10, true,
            "the count alone at the same times p99", movingCounts.P99,
            $"{Spread(movingScrapes)}; count p50 {ResultTable.Number(movingCounts.P50)} ms; plan: {plan}", Checked: checkedOk));
    }

    private static async Task<int> CountAllAsync(SqliteDatabase database, DateTimeOffset now)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM review_cards WHERE retired = 0 AND due <= @now", new { now = now.ToUnixTimeMilliseconds() });
    }

    private static async Task PageAsync(WebBot bot)
    {
        using var response = await bot.Client.GetAsync("/questions?pack=aws-saa");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("data-question-id", StringComparison.Ordinal))
            throw new InvalidOperationException($"/questions answered {(int)response.StatusCode} without question rows");
    }

    private static async Task ScrapeAsync(WebBot bot)
    {
        using var response = await bot.Client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("studybot_reviews_due", StringComparison.Ordinal))
            throw new InvalidOperationException($"/metrics answered {(int)response.StatusCode} without studybot_reviews_due");
    }

    private static void SeedDatabase(string path)
    {
        using var seeding = new BotCore(path, Repository.AwsPack);
        var database = seeding.Get<SqliteDatabase>();
        var pack = seeding.Get<ContentCatalog>().Default ?? throw new InvalidOperationException("the AWS pack did not load");
        Console.Error.WriteLine($"web: seeding {ItemDatabase.Answers:N0} answers on {pack.Questions.Count} questions and {CardMembers:N0} members × {pack.Questions.Count} cards ...");
        var started = Stopwatch.GetTimestamp();
        ItemDatabase.Seed(database, pack.Id, pack.Questions, DateOnly.FromDateTime(DateTime.UtcNow));
        ReviewDatabase.Seed(database, "cards", m => $"m{m}", CardMembers, pack.Questions.Select(q => (pack.Id, q)).ToList(), DateTimeOffset.UtcNow,
            m => m % 20 < 17 ? ReviewDatabase.Member.Behind : ReviewDatabase.Member.CaughtUp);
        Console.Error.WriteLine($"  seeded in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    /// <summary>Closes an empty post in a channel of its own: the close invalidates the kept tallies, as a real daily close does.</summary>
    private sealed class PostCloser(IChannelStore channels, IPostStore posts)
    {
        private int _day;

        public async Task CloseOneAsync()
        {
            var channel = await channels.GetOrAddAsync(new ChannelAddress("bench", "closer"), default);
            var opens = DateTimeOffset.UtcNow.AddDays(-400 + _day);
            var (post, _) = await posts.ReserveAsync(new NewPost(channel.Id, "aws-saa", "none", DateOnly.FromDateTime(opens.UtcDateTime), opens, opens.AddHours(1)), default);
            _day++;
            await posts.CloseAsync(post.Id, post.ClosesAt, default);
        }
    }

    private static string Spread(Latencies latencies) =>
        $"p50 {ResultTable.Number(latencies.P50)} ms, max {ResultTable.Number(latencies.Max)} ms over {latencies.Count:N0}";
}
