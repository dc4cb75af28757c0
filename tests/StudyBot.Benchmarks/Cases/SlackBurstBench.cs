using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// The answer burst end to end on Slack: the fake Slack sends 10,000 block_actions envelopes from
/// 10,000 users over Socket Mode; the real host (adapter, core, SQLite) acks each and replies on its
/// response_url. Closed loop like the Discord case; beside it, the same number of response_url
/// posts from a bare HttpClient.
/// </summary>
public static class SlackBurstBench
{
    private const int Clicks = 10_000, InFlight = 64, WarmUpClicks = 1_000;

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

        // Warm-up bursts in other channels first: the measured one should see a bot in its steady state.
        Console.Error.WriteLine("slack burst: warming up ...");
        var warmUp = await WarmUp.UntilSteadyAsync(async round =>
            (await BurstAsync(host, slack, socket, $"C0WARM{round}", WarmUpClicks)).PerSecond);
        Console.Error.WriteLine($"slack burst: {Clicks:N0} clicks over Socket Mode ...");
        var burst = await BurstAsync(host, slack, socket, "C0STUDY", Clicks);
        var calls = string.Join(", ", slack.Calls.All.GroupBy(c => c.Method).Select(g => $"{g.Key} ×{g.Count():N0}"));
        await host.StopAsync();

        var loopback = await LoopbackAsync(slack, Clicks);
        var ok = burst.Rows == Clicks && burst.Replies == Clicks && burst.AckedOnce == Clicks;
        var check = ok
            ? "10,000 rows, each envelope acked once and replied to"
            : $"CHECK FAILED: {burst.Rows:N0} rows, {burst.Replies:N0} replies, {burst.AckedOnce:N0} acked once";
        table.Add(new Result("Slack answer burst, envelope to response_url reply (answers/s)", burst.PerSecond, "answers/s", 5_000, false,
            "loopback limit: bare HttpClient replies", loopback, $"{check}; {WarmUp.Describe(warmUp)} of {WarmUpClicks:N0} clicks", Checked: ok));
        table.Add(new Result("Slack answer burst, share of the loopback limit", 100 * burst.PerSecond / loopback, "%", 50, false,
            Note: $"{ResultTable.Number(burst.PerSecond)} of {ResultTable.Number(loopback)} answers/s that a bare HttpClient's replies reach on the same fake in the same run", Checked: ok));
        table.Add(new Result("Slack answer burst, receipt-to-reply p99", burst.Latency.P99, "ms", 50, true,
            Note: $"p50 {ResultTable.Number(burst.Latency.P50)} ms, max {ResultTable.Number(burst.Latency.Max)} ms; {InFlight} clicks unanswered at most; Web API calls: {calls}"));
    }

    private sealed record Burst(double PerSecond, Latencies Latency, int Rows, int Replies, int AckedOnce);

    /// <summary>
    /// Sets up <paramref name="channelId"/>, posts its question, and clicks it from <paramref name="clicks"/>
    /// new users, closed loop: at most <see cref="InFlight"/> unanswered at once.
    /// </summary>
    private static async Task<Burst> BurstAsync(IHost host, FakeSlack slack, FakeSocket socket, string channelId, int clicks)
    {
        var posted = slack.Calls.All.Count(c => c.Method == "chat.postMessage");
        await socket.SendAsync(SlackEnvelopes.SlashCommand($"setup-{channelId}", "setup 09:00 UTC", slack.ResponseUrl($"setup-{channelId}"), userId: "U0ADMIN", channelId: channelId));
        await socket.AckAsync($"setup-{channelId}", TimeSpan.FromSeconds(30));
        await socket.SendAsync(SlackEnvelopes.SlashCommand($"now-{channelId}", "now", slack.ResponseUrl($"now-{channelId}"), userId: "U0ADMIN", channelId: channelId));
        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (slack.Calls.All.Count(c => c.Method == "chat.postMessage") == posted && Stopwatch.GetTimestamp() < deadline) await Task.Delay(20);
        var channel = await host.Services.GetRequiredService<IChannelStore>().GetOrAddAsync(new ChannelAddress("slack", channelId), default);
        var post = await host.Services.GetRequiredService<IPostStore>().FindOpenAsync(channel.Id, default)
            ?? throw new InvalidOperationException("/study now posted nothing");
        var question = host.Services.GetRequiredService<ContentCatalog>().Find(post.PackId)!.FindQuestion(post.QuestionId)!;
        var buttonId = question.ChoicesToPick == 2 ? ButtonIds.Daily(post.Id, 1, 0) : ButtonIds.Daily(post.Id, 0);

        var prefix = $"/respond/{channelId}-c";
        using var window = new SemaphoreSlim(InFlight);
        var replies = new ConcurrentDictionary<string, long>(concurrencyLevel: 4, capacity: clicks * 2, StringComparer.Ordinal);
        var answered = 0;
        var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnCall(ApiCall call)
        {
            if (call.Method != "respond" || !call.Path.Contains(prefix, StringComparison.Ordinal)
                || !replies.TryAdd(call.Path[(call.Path.LastIndexOf('/') + 1)..], Stopwatch.GetTimestamp())) return;
            window.Release();
            if (Interlocked.Increment(ref answered) == clicks) allAnswered.TrySetResult();
        }
        slack.Calls.Added += OnCall;
        // The clicks are written out before the clock starts: making them is Slack's work, not the bot's.
        var envelopes = Enumerable.Range(0, clicks).Select(i => SlackEnvelopes.BlockAction($"{channelId}-e{i}", buttonId, slack.ResponseUrl($"{channelId}-c{i}"),
            userId: $"U{channelId}{i:D7}", userName: $"user{i}", channelId: channelId)).ToArray();
        var sentAt = new long[clicks];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < clicks; i++)
        {
            await window.WaitAsync();
            sentAt[i] = Stopwatch.GetTimestamp();
            await socket.SendAsync(envelopes[i]);
        }
        await allAnswered.Task.WaitAsync(TimeSpan.FromMinutes(3));
        slack.Calls.Added -= OnCall;
        var elapsed = Stopwatch.GetElapsedTime(started, replies.Values.Max());
        var latency = new Latencies();
        for (var i = 0; i < clicks; i++) latency.Add(Stopwatch.GetElapsedTime(sentAt[i], replies[$"{channelId}-c{i}"]));
        var results = await host.Services.GetRequiredService<IPostStore>().ResultsAsync(post.Id, default);
        var acked = Enumerable.Range(0, clicks).Count(i => socket.AckCount($"{channelId}-e{i}") == 1);
        return new Burst(clicks / elapsed.TotalSeconds, latency, results.Answered, replies.Count, acked);
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
