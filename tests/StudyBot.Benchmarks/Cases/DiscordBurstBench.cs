using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// The answer burst end to end on Discord: the fake Discord dispatches 10,000 button clicks from
/// 10,000 users over the gateway as fast as the socket takes them; the real host (adapter, core,
/// SQLite) answers each with an interaction callback. Beside it, the loopback limit: the same number
/// of callback requests sent to the same fake by a bare HttpClient.
/// </summary>
public static class DiscordBurstBench
{
    private const int Clicks = 10_000;
    private const string Token = "bench-token.discord.fake";
    private const int InFlight = 64;
    private const int WarmUpClicks = 1_000;

    public static async Task RunAsync(ResultTable table)
    {
        using var dir = new TempDirectory();
        await using var fake = await FakeDiscord.StartAsync();
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={Repository.Content}",
            $"--StudyBot:Storage:DatabasePath={dir.File("data/studybot.db")}",
            $"--StudyBot:Discord:Token={Token}",
            $"--StudyBot:Discord:ApiBaseUrl={fake.ApiBase}",
            $"--StudyBot:Discord:GatewayUrl={fake.GatewayUrl}",
            "--StudyBot:Discord:IdentifySpacing=00:00:00",
        ]);
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        await host.StartAsync();
        var gateway = await fake.NextConnectionAsync(TimeSpan.FromSeconds(30));
        await gateway.HelloAsync();
        await gateway.ExpectAsync(2, TimeSpan.FromSeconds(30));
        await gateway.ReadyAsync(resumeUrl: fake.ResumeUrl);
        await fake.WaitForRequestAsync(r => r.Is("PUT", "applications/app-1/commands"), TimeSpan.FromSeconds(30));

        var sequence = 1L;
        // Warm-up bursts in other channels first: the measured one should see a bot in its steady state.
        Console.Error.WriteLine("discord burst: warming up ...");
        var warmUp = await WarmUp.UntilSteadyAsync(async round =>
            (await BurstAsync(host, fake, gateway, $"chan-warm{round}", WarmUpClicks, () => ++sequence)).PerSecond);
        Console.Error.WriteLine($"discord burst: {Clicks:N0} clicks over the gateway ...");
        var burst = await BurstAsync(host, fake, gateway, "chan-1", Clicks, () => ++sequence);
        await host.StopAsync();

        var loopback = await LoopbackAsync(fake, Clicks);
        var ok = burst.Rows == Clicks && burst.Callbacks == Clicks;
        var check = ok ? "10,000 rows, one callback per click" : $"CHECK FAILED: {burst.Rows:N0} rows, {burst.Callbacks:N0} callbacks";
        table.Add(new Result("Discord answer burst, gateway to callback (answers/s)", burst.PerSecond, "answers/s", 5_000, false,
            "loopback limit: bare HttpClient callbacks", loopback, $"{check}; {WarmUp.Describe(warmUp)} of {WarmUpClicks:N0} clicks", Checked: ok));
        table.Add(new Result("Discord answer burst, share of the loopback limit", 100 * burst.PerSecond / loopback, "%", 50, false,
            Note: $"{ResultTable.Number(burst.PerSecond)} of {ResultTable.Number(loopback)} answers/s that a bare HttpClient's callbacks reach on the same fake in the same run", Checked: ok));
        table.Add(new Result("Discord answer burst, receipt-to-callback p99", burst.Latency.P99, "ms", 50, true,
            Note: $"p50 {ResultTable.Number(burst.Latency.P50)} ms, max {ResultTable.Number(burst.Latency.Max)} ms; {InFlight} clicks unanswered at most"));
    }

    private sealed record Burst(double PerSecond, Latencies Latency, int Rows, int Callbacks);

    /// <summary>
    /// Sets up <paramref name="channelId"/>, posts its question, and clicks it from <paramref name="clicks"/>
    /// new users, closed loop: at most <see cref="InFlight"/> unanswered at once, so the latency is the
    /// bot's and not a queue the harness built.
    /// </summary>
    private static async Task<Burst> BurstAsync(IHost host, FakeDiscord fake, FakeGatewayConnection gateway, string channelId, int clicks, Func<long> nextSequence)
    {
        await gateway.DispatchAsync("INTERACTION_CREATE", nextSequence(), Payloads.SlashCommand($"setup-{channelId}", "study",
            [Payloads.SubCommand("setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "UTC"))], channelId: channelId, permissions: Payloads.ManageChannels));
        await fake.WaitForRequestAsync(r => r.Is("POST", $"interactions/setup-{channelId}/"), TimeSpan.FromSeconds(30));
        await gateway.DispatchAsync("INTERACTION_CREATE", nextSequence(), Payloads.SlashCommand($"now-{channelId}", "study", [Payloads.SubCommand("now")], channelId: channelId, permissions: Payloads.ManageChannels));
        await fake.WaitForRequestAsync(r => r.Is("POST", $"channels/{channelId}/messages"), TimeSpan.FromSeconds(30));
        var channel = await host.Services.GetRequiredService<IChannelStore>().GetOrAddAsync(new ChannelAddress("discord", channelId), default);
        var post = await host.Services.GetRequiredService<IPostStore>().FindOpenAsync(channel.Id, default)
            ?? throw new InvalidOperationException("/study now posted nothing");
        var question = host.Services.GetRequiredService<ContentCatalog>().Find(post.PackId)!.FindQuestion(post.QuestionId)!;
        var buttonId = question.ChoicesToPick == 2 ? ButtonIds.Daily(post.Id, 1, 0) : ButtonIds.Daily(post.Id, 0);

        // Callbacks are counted as they arrive (the first per click), not by scanning the fake's log,
        // which would cost the harness CPU the bot should have.
        var prefix = $"interactions/{channelId}-c";
        var callbacks = new ConcurrentDictionary<string, long>(concurrencyLevel: 4, capacity: clicks * 2, StringComparer.Ordinal);
        int answered = 0, extra = 0;
        var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var window = new SemaphoreSlim(InFlight);
        void OnRequest(RecordedRequest r)
        {
            if (r.Method != "POST" || !r.Path.StartsWith(prefix, StringComparison.Ordinal) || !r.Path.EndsWith("/callback", StringComparison.Ordinal)) return;
            if (!callbacks.TryAdd(r.Path.Split('/')[1], r.At))
            {
                Interlocked.Increment(ref extra);
                return;
            }
            window.Release();
            if (Interlocked.Increment(ref answered) == clicks) allAnswered.TrySetResult();
        }
        fake.RequestReceived += OnRequest;
        // The clicks are written out before the clock starts: making them is Discord's work, not the bot's.
        var frames = Enumerable.Range(0, clicks).Select(i => new JsonObject
        {
            ["op"] = 0, ["s"] = nextSequence(), ["t"] = "INTERACTION_CREATE",
            ["d"] = Payloads.Button($"{channelId}-c{i}", buttonId, userId: $"{channelId}-{i}", channelId: channelId),
        }.ToJsonString()).ToArray();
        var sentAt = new long[clicks];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < clicks; i++)
        {
            await window.WaitAsync();
            sentAt[i] = Stopwatch.GetTimestamp();
            await gateway.SendTextAsync(frames[i]);
        }
        await allAnswered.Task.WaitAsync(TimeSpan.FromMinutes(3));
        fake.RequestReceived -= OnRequest;
        var elapsed = Stopwatch.GetElapsedTime(started, callbacks.Values.Max());
        var latency = new Latencies();
        for (var i = 0; i < clicks; i++) latency.Add(Stopwatch.GetElapsedTime(sentAt[i], callbacks[$"{channelId}-c{i}"]));
        var results = await host.Services.GetRequiredService<IPostStore>().ResultsAsync(post.Id, default);
        return new Burst(clicks / elapsed.TotalSeconds, latency, results.Answered, callbacks.Count + Volatile.Read(ref extra));
    }

    /// <summary>The same number of callback requests from a bare HttpClient, 64 at a time: what loopback HTTP to this fake allows.</summary>
    private static async Task<double> LoopbackAsync(FakeDiscord fake, int count)
    {
        using var http = new HttpClient { BaseAddress = fake.ApiBase };
        var body = new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "Answer recorded", ["flags"] = 64 } }.ToJsonString();
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri($"interactions/l{i}/itoken-l{i}/callback", UriKind.Relative), content);
                response.EnsureSuccessStatusCode();
            }
        })));
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
