using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// 1,000 Discord channels due at the same minute: the real host (Quartz on SQLite, core, adapter)
/// posts every daily question while the fake Discord enforces the global 50 requests/s and per-channel
/// buckets. Measured from the due time to the last post; the bound is N/50 s.
/// </summary>
public static class DiscordFanOutBench
{
    private const int Channels = 1_000, GlobalPerSecond = 50;
    private const string Token = "bench-token.discord.fake";

    public static async Task RunAsync(ResultTable table)
    {
        using var dir = new TempDirectory();
        var db = dir.File("data/studybot.db");
        SeedChannels(db);
        await using var fake = await FakeDiscord.StartAsync();
        fake.RateLimits = new FakeRateLimits(GlobalPerSecond);

        // 20 s before 09:00 UTC on a fixed day: the scheduler starts, then every channel is due at once.
        var due = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var clock = new ShiftedClock(due.AddSeconds(-20));
        var dueAt = Stopwatch.GetTimestamp() + 20 * Stopwatch.Frequency;
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={Repository.Content}",
            $"--StudyBot:Storage:DatabasePath={db}",
            $"--StudyBot:Discord:Token={Token}",
            $"--StudyBot:Discord:ApiBaseUrl={fake.ApiBase}",
            $"--StudyBot:Discord:GatewayUrl={fake.GatewayUrl}",
            "--StudyBot:Discord:IdentifySpacing=00:00:00",
        ]);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        using var host = builder.Build();
        await host.StartAsync();
        var gateway = await fake.NextConnectionAsync(TimeSpan.FromSeconds(30));
        await gateway.HelloAsync();
        await gateway.ExpectAsync(2, TimeSpan.FromSeconds(30));
        await gateway.ReadyAsync(resumeUrl: fake.ResumeUrl);
        if (Stopwatch.GetTimestamp() > dueAt) throw new InvalidOperationException("start-up took longer than the 20 s lead; raise it");

        Console.Error.WriteLine($"fan-out: {Channels:N0} channels due at 09:00 ...");
        // A channel is posted when its last request got through; a 429'd one is retried after it.
        var deadline = dueAt + 120 * Stopwatch.Frequency;
        while (PostedChannels(fake) < Channels && Stopwatch.GetTimestamp() < deadline) await Task.Delay(200);
        await Task.Delay(2000); // nothing more should come
        var posts = Posts(fake);
        var distinct = PostedChannels(fake);
        var seconds = Stopwatch.GetElapsedTime(dueAt, posts.Max(p => p.At)).TotalSeconds;
        var ordered = posts.Select(p => Stopwatch.GetElapsedTime(dueAt, p.At).TotalSeconds).Order().ToList();
        Console.Error.WriteLine("fan-out timeline: " + string.Join(" ", new[] { 0, 49, 99, 199, 499, 799, 999 }.Where(i => i < ordered.Count).Select(i => $"#{i + 1}:{ordered[i]:F2}s")));
        await host.StopAsync();

        var bound = (double)Channels / GlobalPerSecond;
        var rejections = fake.RateLimits.GlobalRejections + fake.RateLimits.BucketRejections;
        var ok = distinct == Channels && posts.Count - rejections == Channels;
        var check = ok
            ? $"{Channels:N0} channels posted once each"
            : $"CHECK FAILED: {posts.Count - rejections:N0} accepted posts to {distinct:N0} channels";
        table.Add(new Result($"Discord fan-out, {Channels:N0} channels due together (s)", seconds, "s", 1.05 * bound, true,
            "bound N/50", bound, $"{check}; {rejections} × 429 ({fake.RateLimits.GlobalRejections} global, {fake.RateLimits.BucketRejections} bucket); limit is 1.05 × the bound", Checked: ok));
        table.Add(new Result("Discord fan-out, 429 responses", rejections, "responses", 0, true, Note: "the fake enforces 50/s globally and 5 per 5 s per channel"));
    }

    private static int PostedChannels(FakeDiscord fake) => Posts(fake).Select(p => p.Path).Distinct().Count();

    private static List<RecordedRequest> Posts(FakeDiscord fake) =>
        fake.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("channels/", StringComparison.Ordinal) && r.Path.EndsWith("/messages", StringComparison.Ordinal)).ToList();

    private static void SeedChannels(string path)
    {
        var database = new SqliteDatabase(path);
        database.Migrate();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            "INSERT INTO channels (platform, external_id, enabled, post_time, time_zone, pack_id, leaderboard_enabled) VALUES ('discord', @Id, 1, '09:00', 'UTC', 'aws-saa', 0)",
            Enumerable.Range(0, Channels).Select(i => new { Id = $"{900_000 + i}" }), transaction);
        transaction.Commit();
    }
}
