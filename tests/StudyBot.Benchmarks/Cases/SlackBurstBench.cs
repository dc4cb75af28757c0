using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Slack.Tests.Fakes;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// The answer burst end to end on Slack: the fake Slack sends 10,000 block_actions envelopes from
/// 10,000 users over Socket Mode; the real host (adapter, core, SQLite) acks each and replies on its
/// response_url. Closed loop like the Discord case; beside it, the same number of response_url
/// posts from a bare HttpClient.
/// </summary>
public static class SlackBurstBench
{
    private const int Clicks = 10_000, InFlight = 64;

    public static async Task RunAsync(ResultTable table)
    {
        using var dir = new TempDirectory();
        await using var slack = await FakeSlack.StartAsync();
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={Repository.Content}",
            $"--StudyBot:Storage:DatabasePath={dir.File("data/studybot.db")}",
            "--StudyBot:Slack:AppToken=xapp-1-bench",
            "--StudyBot:Slack:BotToken=xoxb-bench",
            $"--StudyBot:Slack:ApiBaseUrl={slack.ApiBaseUrl}",
            "--StudyBot:Slack:AdminUserIds:0=U0ADMIN",
        ]);
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        await host.StartAsync();
        var socket = await slack.NextSocketAsync(TimeSpan.FromSeconds(30));

        await socket.SendAsync(SlackEnvelopes.SlashCommand("setup", "setup 09:00 UTC", slack.ResponseUrl("setup"), userId: "U0ADMIN"));
        await socket.AckAsync("setup", TimeSpan.FromSeconds(30));
        await socket.SendAsync(SlackEnvelopes.SlashCommand("now", "now", slack.ResponseUrl("now"), userId: "U0ADMIN"));
        await slack.CallAsync("chat.postMessage");
        var channel = await host.Services.GetRequiredService<IChannelStore>().GetOrAddAsync(new ChannelAddress("slack", "C0STUDY"), default);
        var post = await host.Services.GetRequiredService<IPostStore>().FindOpenAsync(channel.Id, default)
            ?? throw new InvalidOperationException("/study now posted nothing");
        var question = host.Services.GetRequiredService<ContentCatalog>().Find(post.PackId)!.FindQuestion(post.QuestionId)!;
        var buttonId = question.ChoicesToPick == 2 ? ButtonIds.Daily(post.Id, 1, 0) : ButtonIds.Daily(post.Id, 0);

        Console.Error.WriteLine("slack burst: 10,000 clicks over Socket Mode ...");
        var window = new SemaphoreSlim(InFlight);
        var replies = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        slack.Calls.Added += call =>
        {
            if (call.Method == "respond" && call.Path.Contains("/respond/c", StringComparison.Ordinal)
                && replies.TryAdd(call.Path[(call.Path.LastIndexOf('/') + 1)..], Stopwatch.GetTimestamp()))
                window.Release();
        };
        var sentAt = new long[Clicks];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Clicks; i++)
        {
            await window.WaitAsync();
            sentAt[i] = Stopwatch.GetTimestamp();
            await socket.SendAsync(SlackEnvelopes.BlockAction($"e{i}", buttonId, slack.ResponseUrl($"c{i}"), userId: $"U{i:D7}", userName: $"user{i}"));
        }
        var deadline = Stopwatch.GetTimestamp() + 180 * Stopwatch.Frequency;
        while (replies.Count < Clicks && Stopwatch.GetTimestamp() < deadline) await Task.Delay(100);
        var elapsed = Stopwatch.GetElapsedTime(started, replies.Values.Max());
        var latency = new Latencies();
        for (var i = 0; i < Clicks; i++)
        {
            if (replies.TryGetValue($"c{i}", out var at)) latency.Add(Stopwatch.GetElapsedTime(sentAt[i], at));
        }
        var results = await host.Services.GetRequiredService<IPostStore>().ResultsAsync(post.Id, default);
        var acked = Enumerable.Range(0, Clicks).Count(i => socket.AckCount($"e{i}") == 1);
        var calls = string.Join(", ", slack.Calls.All.GroupBy(c => c.Method).Select(g => $"{g.Key} ×{g.Count():N0}"));
        await host.StopAsync();

        var loopback = await LoopbackAsync(slack, Clicks);
        var rate = replies.Count / elapsed.TotalSeconds;
        var check = results.Answered == Clicks && replies.Count == Clicks && acked == Clicks
            ? "10,000 rows, each envelope acked once and replied to"
            : $"CHECK FAILED: {results.Answered:N0} rows, {replies.Count:N0} replies, {acked:N0} acked once";
        table.Add(new Result("Slack answer burst, envelope to response_url reply (answers/s)", rate, "answers/s", 5_000, false,
            "loopback limit: bare HttpClient replies", loopback, $"{check}; {rate / loopback:P0} of the loopback limit (target ≥ 50 %)"));
        table.Add(new Result("Slack answer burst, receipt-to-reply p99", latency.P99, "ms", 50, true,
            Note: $"p50 {ResultTable.Number(latency.P50)} ms, max {ResultTable.Number(latency.Max)} ms; {InFlight} clicks unanswered at most; Web API calls: {calls}"));
    }

    private static async Task<double> LoopbackAsync(FakeSlack slack, int count)
    {
        using var http = new HttpClient();
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var content = new StringContent("""{"response_type":"ephemeral","replace_original":false,"text":"Answer recorded"}""", System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(slack.ResponseUrl($"l{i}")), content);
                response.EnsureSuccessStatusCode();
            }
        })));
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
