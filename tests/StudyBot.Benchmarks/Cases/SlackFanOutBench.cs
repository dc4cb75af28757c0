using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// 200 Slack channels due at the same minute: the real host posts every daily question while the
/// fake Slack allows one chat.postMessage per second per channel and a workspace-wide rate. Slack
/// publishes no figure for that rate; this case assumes 10 a second (600 a minute), so the bound is N/10 s.
/// </summary>
public static class SlackFanOutBench
{
    private const int Channels = 200, WorkspacePerSecond = 10;

    public static async Task RunAsync(ResultTable table)
    {
        using var dir = new TempDirectory();
        var db = dir.File("data/studybot.db");
        SeedChannels(db);
        await using var slack = await FakeSlack.StartAsync();
        slack.RateLimits = new FakeSlackRateLimits(WorkspacePerSecond);

        var due = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var clock = new ShiftedClock(due.AddSeconds(-15));
        var dueAt = Stopwatch.GetTimestamp() + 15 * Stopwatch.Frequency;
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={Repository.Content}",
            $"--StudyBot:Storage:DatabasePath={db}",
            "--StudyBot:Slack:AppToken=xapp-1-bench",
            "--StudyBot:Slack:BotToken=xoxb-bench",
            $"--StudyBot:Slack:ApiBaseUrl={slack.ApiBaseUrl}",
            // The bot is told the rate the fake enforces, as an operator would set the workspace's real one.
            $"--StudyBot:Slack:WorkspaceMessagesPerSecond={WorkspacePerSecond}",
        ]);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        using var host = builder.Build();
        await host.StartAsync();
        await slack.NextSocketAsync(TimeSpan.FromSeconds(15));
        if (Stopwatch.GetTimestamp() > dueAt) throw new InvalidOperationException("start-up took longer than the 15 s lead; raise it");

        Console.Error.WriteLine($"slack fan-out: {Channels} channels due at 09:00 ...");
        var deadline = dueAt + 180 * Stopwatch.Frequency;
        while (Accepted(slack) < Channels && Stopwatch.GetTimestamp() < deadline) await Task.Delay(200);
        await Task.Delay(2000);
        var posts = slack.Calls.All.Where(c => c.Method == "chat.postMessage").ToList();
        var accepted = Accepted(slack);
        var channels = posts.Select(p => p.Arg("channel")).Distinct().Count();
        // ApiCall.At is the real wall clock; how long before now the last post came, taken off the time since due.
        var seconds = Stopwatch.GetElapsedTime(dueAt).TotalSeconds - (DateTimeOffset.UtcNow - posts.Max(p => p.At)).TotalSeconds;
        await host.StopAsync();

        var bound = (double)Channels / WorkspacePerSecond;
        var ok = accepted == Channels && channels == Channels;
        var check = ok ? $"{Channels} channels posted once each" : $"CHECK FAILED: {accepted} accepted posts to {channels} channels";
        table.Add(new Result($"Slack fan-out, {Channels} channels due together (s)", seconds, "s", 1.05 * bound, true,
            $"bound N/{WorkspacePerSecond}", bound, $"{check}; {slack.RateLimits.Rejections} × 429; workspace rate assumed {WorkspacePerSecond}/s, 1/s per channel", Checked: ok));
        table.Add(new Result("Slack fan-out, 429 responses", slack.RateLimits.Rejections, "responses", 0, true,
            Note: $"the adapter paces each channel (1/s, bursts of 3) and the workspace ({WorkspacePerSecond}/s, counted until 1.01 s after Slack answers)"));
    }

    private static int Accepted(FakeSlack slack) =>
        slack.Calls.All.Count(c => c.Method == "chat.postMessage") - slack.RateLimits!.Rejections;

    private static void SeedChannels(string path)
    {
        var database = new SqliteDatabase(path);
        database.Migrate();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            "INSERT INTO channels (platform, external_id, enabled, post_time, time_zone, pack_id, leaderboard_enabled) VALUES ('slack', @Id, 1, '09:00', 'UTC', 'aws-saa', 0)",
            Enumerable.Range(0, Channels).Select(i => new { Id = $"C{i:D6}" }), transaction);
        transaction.Commit();
    }
}
