using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Content;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// Issue 13: members whose review reminders fall in the same minute, each with cards due. The real host
/// (Quartz's every-minute job on the SQLite file, the core's reminder round, the Discord adapter) against
/// the fake Discord, which enforces the global 50 requests/s and counts its 429s. Every reminder opens the
/// member's DM channel (POST users/@me/channels) and posts there (POST channels/{id}/messages): 2 requests,
/// so the bound is 2N/50 s. Measured from the due minute to the last accepted DM.
/// </summary>
public static class ReviewReminderBench
{
    public const int Members = 10_000;
    private const int GlobalPerSecond = 50, CardsDue = 3;
    private const string Token = "bench-token.discord.fake";

    public static async Task RunAsync(ResultTable table, int members = Members)
    {
        using var dir = new TempDirectory();
        var db = dir.File("data/studybot.db");
        await using var fake = await FakeDiscord.StartAsync();
        fake.RateLimits = new FakeRateLimits(GlobalPerSecond);
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={Repository.AwsPack}",
            $"--StudyBot:Storage:DatabasePath={db}",
            $"--StudyBot:Discord:Token={Token}",
            $"--StudyBot:Discord:ApiBaseUrl={fake.ApiBase}",
            $"--StudyBot:Discord:GatewayUrl={fake.GatewayUrl}",
            "--StudyBot:Discord:IdentifySpacing=00:00:00",
        ]);
        builder.Logging.ClearProviders();
        using var host = builder.Build();

        // Real time, not a shifted clock: the every-minute trigger is built at registration with the system
        // clock, so the due minute is the next one far enough ahead for the host to start.
        var pack = host.Services.GetRequiredService<ContentCatalog>().Default ?? throw new InvalidOperationException("the AWS pack did not load");
        var database = host.Services.GetRequiredService<SqliteDatabase>();
        var ids = ReviewDatabase.Seed(database, "discord", Snowflake, members, pack.Questions.Take(CardsDue).Select(q => (pack.Id, q)).ToList(),
            DateTimeOffset.UtcNow.AddDays(-130), _ => ReviewDatabase.Member.Behind);
        var due = NextMinute(DateTimeOffset.UtcNow.AddSeconds(40));
        SeedReminders(database, ids, due);
        var dueAt = Stopwatch.GetTimestamp() + (long)((due - DateTimeOffset.UtcNow).TotalSeconds * Stopwatch.Frequency);

        await host.StartAsync();
        var gateway = await fake.NextConnectionAsync(TimeSpan.FromSeconds(30));
        await gateway.HelloAsync();
        await gateway.ExpectAsync(2, TimeSpan.FromSeconds(30));
        await gateway.ReadyAsync(resumeUrl: fake.ResumeUrl);
        if (Stopwatch.GetTimestamp() > dueAt) throw new InvalidOperationException("start-up took longer than the lead before the due minute; raise it");

        var bound = 2.0 * members / GlobalPerSecond;
        Console.Error.WriteLine($"review reminders: {members:N0} members due at {due:HH:mm} UTC (bound {bound:N0} s) ...");
        var deadline = dueAt + (long)((1.5 * bound + 60) * Stopwatch.Frequency);
        for (var tick = 1; DirectChannelsPosted(fake) < members && Stopwatch.GetTimestamp() < deadline; tick++)
        {
            await Task.Delay(1000);
            if (tick % 30 == 0) Console.Error.WriteLine($"  {Stopwatch.GetElapsedTime(dueAt).TotalSeconds:F0} s after the minute: {DirectChannelsPosted(fake):N0} DMs");
        }
        await Task.Delay(2000); // nothing more should come
        var opens = fake.RequestsTo("POST", "users/@me/channels");
        var posts = Posts(fake);
        var distinct = DirectChannelsPosted(fake);
        var seconds = posts.Count == 0 ? double.NaN : Stopwatch.GetElapsedTime(dueAt, posts.Max(p => p.At)).TotalSeconds;
        var first = posts.Count == 0 ? double.NaN : Stopwatch.GetElapsedTime(dueAt, posts.Min(p => p.At)).TotalSeconds;
        await host.StopAsync();

        var rejections = fake.RateLimits.GlobalRejections + fake.RateLimits.BucketRejections;
        var requests = opens.Count + posts.Count;
        var ok = distinct == members && requests - rejections == 2 * members;
        var check = ok
            ? $"{members:N0} DMs, one each; {opens.Count:N0} channel opens + {posts.Count:N0} posts"
            : $"CHECK FAILED: {distinct:N0} members messaged, {opens.Count:N0} opens and {posts.Count:N0} posts with {rejections} × 429";
        table.Add(new Result($"review reminders, {members:N0} members due the same minute, to the last DM (s)", seconds, "s", 1.05 * bound, true,
            "bound 2N requests / 50 per s", bound,
            $"{check}; first DM {first:F2} s after the minute; {rejections} × 429 ({fake.RateLimits.GlobalRejections} global, {fake.RateLimits.BucketRejections} bucket); limit is 1.05 × the bound", Checked: ok));
        table.Add(new Result($"review reminders ({members:N0}), 429 responses", rejections, "responses", 0, true, Note: "the fake enforces 50/s globally and 5 per 5 s per channel"));
    }

    /// <summary>Discord user ids are snowflakes: 18-digit numbers.</summary>
    private static string Snowflake(int member) => $"{300_000_000_000_000_000L + member}";

    private static DateTimeOffset NextMinute(DateTimeOffset at) =>
        new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    /// <summary>Half the members in UTC, half in Seoul: the same instant, two local times (09:00 and 18:00 if due at 09:00 UTC).</summary>
    private static void SeedReminders(SqliteDatabase database, long[] ids, DateTimeOffset due)
    {
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            "INSERT INTO review_reminders (user_id, local_time, time_zone, language, enabled, next_send_at) VALUES (@Id, @LocalTime, @Zone, @Language, 1, @At)",
            ids.Select((id, i) => i % 2 == 0
                ? new { Id = id, LocalTime = due.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Zone = "UTC", Language = "en", At = due.ToUnixTimeMilliseconds() }
                : new { Id = id, LocalTime = TimeZoneInfo.ConvertTime(due, seoul).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Zone = "Asia/Seoul", Language = "ko", At = due.ToUnixTimeMilliseconds() }),
            transaction);
        transaction.Commit();
    }

    private static int DirectChannelsPosted(FakeDiscord fake) => Posts(fake).Select(p => p.Path).Distinct().Count();

    private static List<RecordedRequest> Posts(FakeDiscord fake) =>
        fake.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("channels/dm-", StringComparison.Ordinal) && r.Path.EndsWith("/messages", StringComparison.Ordinal)).ToList();
}
