using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Discord.Tests.Fakes;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Testing;

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

        long sequence = 1;
        await gateway.DispatchAsync("INTERACTION_CREATE", ++sequence, Payloads.SlashCommand("setup", "study",
            [Payloads.SubCommand("setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "UTC"))], permissions: Payloads.ManageChannels));
        await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/setup/"), TimeSpan.FromSeconds(30));
        await gateway.DispatchAsync("INTERACTION_CREATE", ++sequence, Payloads.SlashCommand("now", "study", [Payloads.SubCommand("now")], permissions: Payloads.ManageChannels));
        await fake.WaitForRequestAsync(r => r.Is("POST", "channels/chan-1/messages"), TimeSpan.FromSeconds(30));
        var channel = await host.Services.GetRequiredService<IChannelStore>().GetOrAddAsync(new ChannelAddress("discord", "chan-1"), default);
        var post = await host.Services.GetRequiredService<IPostStore>().FindOpenAsync(channel.Id, default)
            ?? throw new InvalidOperationException("/study now posted nothing");
        var question = host.Services.GetRequiredService<ContentCatalog>().Find(post.PackId)!.FindQuestion(post.QuestionId)!;
        var buttonId = question.ChoicesToPick == 2 ? ButtonIds.Daily(post.Id, 1, 0) : ButtonIds.Daily(post.Id, 0);

        Console.Error.WriteLine("discord burst: 10,000 clicks over the gateway ...");
        // Closed loop, as fast as the bot takes them: at most InFlight clicks unanswered at once, so the
        // latency is the bot's and not a queue the harness built (the open-loop figure is in the notes).
        var window = new SemaphoreSlim(InFlight);
        fake.RequestReceived += r =>
        {
            if (r.Method == "POST" && r.Path.StartsWith("interactions/c", StringComparison.Ordinal)) window.Release();
        };
        var sentAt = new long[Clicks];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Clicks; i++)
        {
            await window.WaitAsync();
            var click = Payloads.Button($"c{i}", buttonId, userId: $"{100_000 + i}");
            sentAt[i] = Stopwatch.GetTimestamp();
            await gateway.DispatchAsync("INTERACTION_CREATE", ++sequence, click);
        }
        var callbacks = await CallbacksAsync(fake, Clicks, TimeSpan.FromMinutes(3));
        var last = callbacks.Values.Max(r => r.At);
        var elapsed = Stopwatch.GetElapsedTime(started, last);
        var latency = new Latencies();
        for (var i = 0; i < Clicks; i++) latency.Add(callbacks[$"c{i}"].Since(sentAt[i]));
        var results = await host.Services.GetRequiredService<IPostStore>().ResultsAsync(post.Id, default);
        var callbackCount = fake.Requests.Count(r => r.Method == "POST" && r.Path.StartsWith("interactions/c", StringComparison.Ordinal) && r.Path.EndsWith("/callback", StringComparison.Ordinal));
        await host.StopAsync();

        var loopback = await LoopbackAsync(fake, Clicks);
        var rate = Clicks / elapsed.TotalSeconds;
        var check = results.Answered == Clicks && callbackCount == Clicks ? "10,000 rows, one callback per click" : $"CHECK FAILED: {results.Answered:N0} rows, {callbackCount:N0} callbacks";
        table.Add(new Result("Discord answer burst, gateway to callback (answers/s)", rate, "answers/s", 5_000, false,
            "loopback limit: bare HttpClient callbacks", loopback, $"{check}; {rate / loopback:P0} of the loopback limit (target ≥ 50 %)"));
        table.Add(new Result("Discord answer burst, receipt-to-callback p99", latency.P99, "ms", 50, true,
            Note: $"p50 {ResultTable.Number(latency.P50)} ms, max {ResultTable.Number(latency.Max)} ms; {InFlight} clicks unanswered at most"));
    }

    /// <summary>Waits until every click has its interaction callback; returns them by interaction id.</summary>
    private static async Task<Dictionary<string, RecordedRequest>> CallbacksAsync(FakeDiscord fake, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var callbacks = fake.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("interactions/c", StringComparison.Ordinal) && r.Path.EndsWith("/callback", StringComparison.Ordinal))
                .GroupBy(r => r.Path.Split('/')[1])
                .ToDictionary(g => g.Key, g => g.First());
            if (callbacks.Count >= count) return callbacks;
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"only {callbacks.Count:N0} of {count:N0} callbacks arrived");
            await Task.Delay(100);
        }
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
