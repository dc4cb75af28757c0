using Dapper;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// Issue 13: the next card of <c>/review</c> with 10,000 members holding a card for each of the pack's
/// 335 questions (3,350,000 cards), timed through <see cref="Core.Chat.IChatInbox"/> as a member types
/// <c>/review</c> and at the store call that picks the card, beside a naive scan that reads all the
/// member's cards and picks the earliest due one in memory.
/// </summary>
public static class ReviewNextBench
{
    public const int Members = 10_000;
    private const int Warmup = 200, Iterations = 2_000, NaiveIterations = 1_000, Checks = 500;
    private const string Channel = "review";

    /// <summary>85 % of members are behind (about 48 of 335 cards due), 15 % caught up (nothing due: /review looks for new cards).</summary>
    private static ReviewDatabase.Member Kind(int member) => member % 20 < 17 ? ReviewDatabase.Member.Behind : ReviewDatabase.Member.CaughtUp;

    public static async Task RunAsync(ResultTable table)
    {
        using var dir = new TempDirectory();
        using var bot = new BotCore(dir.File("review.db"), Repository.AwsPack);
        var database = bot.Get<SqliteDatabase>();
        var pack = bot.Get<ContentCatalog>().Default ?? throw new InvalidOperationException("the AWS pack did not load");
        Console.Error.WriteLine($"review next: seeding {Members:N0} members × {pack.Questions.Count} cards ...");
        var seedStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var userIds = ReviewDatabase.Seed(database, "bench", Name, Members, pack.Questions.Select(q => (pack.Id, q)).ToList(), DateTimeOffset.UtcNow, Kind);
        Console.Error.WriteLine($"  seeded in {System.Diagnostics.Stopwatch.GetElapsedTime(seedStarted).TotalSeconds:F1} s");
        var cards = database.Open().ExecuteScalar<long>("SELECT COUNT(*) FROM review_cards");
        var plan = string.Join("; ", database.Open().Query<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN SELECT * FROM review_cards INDEXED BY review_cards_due WHERE user_id = 1 AND retired = 0 AND due <= 0 ORDER BY due LIMIT 1").Select(row => row.Detail));
        Console.Error.WriteLine($"  next-due plan: {plan}");

        var store = bot.Get<IReviewStore>();
        var random = new Random(7);
        // Timed one call at a time as Latencies.OfAsync does, each also filed by what /review answered.
        Latencies inbox = new(), shown = new(), nothingDue = new();
        for (var i = 0; i < Warmup + Iterations; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var reply = await bot.Inbox.HandleCommandAsync(BotCore.As(Name(random.Next(Members)), Channel), "/review", default);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (i < Warmup) continue;
            inbox.Add(elapsed);
            if (reply.Message.Title.StartsWith("Review", StringComparison.Ordinal)) shown.Add(elapsed);
            else if (reply.Message.Title == "Nothing to review") nothingDue.Add(elapsed);
            else throw new InvalidOperationException($"/review answered \"{reply.Message.Title}\": {reply.Message.Body}");
        }
        var storeCall = await Latencies.OfAsync(Warmup, Iterations, () => store.NextDueAsync(userIds[random.Next(Members)], DateTimeOffset.UtcNow, null, [], default));
        using var connection = database.Open();
        var naive = Latencies.Of(Warmup / 4, NaiveIterations, () => NaiveNext(connection, userIds[random.Next(Members)], DateTimeOffset.UtcNow));

        // The same answer both ways, for members picked at random (due times are milliseconds apart, so ties do not occur).
        var mismatches = 0;
        for (var i = 0; i < Checks; i++)
        {
            var user = userIds[random.Next(Members)];
            var now = DateTimeOffset.UtcNow;
            if ((await store.NextDueAsync(user, now, null, [], default))?.QuestionId != NaiveNext(connection, user, now)) mismatches++;
        }
        var ok = mismatches == 0 && cards == (long)Members * pack.Questions.Count;
        var check = ok ? $"{cards:N0} cards; the store and the naive scan agreed on {Checks} members" : $"CHECK FAILED: {mismatches} of {Checks} members answered differently, {cards:N0} cards";
        table.Add(new Result($"/review next card p99 through IChatInbox ({Members:N0} members × {pack.Questions.Count} cards)", inbox.P99, "ms", 2, true,
            "naive scan of the member's cards p99", naive.P99,
            $"{Spread(inbox)}; a card shown {shown.Count:N0} times (p99 {ResultTable.Number(shown.P99)} ms), 'Nothing to review' {nothingDue.Count:N0} times (p99 {ResultTable.Number(nothingDue.P99)} ms: the new-card search, pool empty); {check}", Checked: ok));
        table.Add(new Result("next due card p99, the store call (IReviewStore.NextDueAsync)", storeCall.P99, "ms", 2, true,
            "naive scan of the member's cards p99", naive.P99,
            $"{Spread(storeCall)}; naive p50 {ResultTable.Number(naive.P50)} ms over {naive.Count:N0}; plan: {plan}", Checked: ok));
    }

    private static string Name(int member) => $"m{member}";

    /// <summary>All the member's cards (their key range), the earliest due one picked in memory.</summary>
    private static string? NaiveNext(Microsoft.Data.Sqlite.SqliteConnection connection, long userId, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        return connection.Query<CardRow>(
                "SELECT question_id AS QuestionId, pack_id AS PackId, topic_id AS TopicId, state AS State, stability AS Stability, difficulty AS Difficulty, " +
                "due AS Due, last_review AS LastReview, reps AS Reps, lapses AS Lapses, last_rating AS LastRating FROM review_cards WHERE user_id = @userId AND retired = 0",
                new { userId })
            .Where(c => c.Due <= nowMs).OrderBy(c => c.Due).Select(c => c.QuestionId).FirstOrDefault();
    }

    /// <summary>Every column of a card, as the store reads one: the naive scan pays for whole rows too.</summary>
    private sealed class CardRow
    {
        public string QuestionId { get; init; } = "";
        public string PackId { get; init; } = "";
        public string TopicId { get; init; } = "";
        public long State { get; init; }
        public double Stability { get; init; }
        public double Difficulty { get; init; }
        public long Due { get; init; }
        public long? LastReview { get; init; }
        public long Reps { get; init; }
        public long Lapses { get; init; }
        public long LastRating { get; init; }
    }

    private static string Spread(Latencies latencies) =>
        $"p50 {ResultTable.Number(latencies.P50)} ms, max {ResultTable.Number(latencies.Max)} ms over {latencies.Count:N0} calls";
}
