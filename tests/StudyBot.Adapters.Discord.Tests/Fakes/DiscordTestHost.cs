using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Fakes;

/// <summary>
/// The adapter as the app runs it — a generic host with <c>AddDiscord()</c> — pointed at a fake
/// Discord, with short timings and a recording inbox in place of the core.
/// </summary>
public sealed class DiscordTestHost : IAsyncDisposable
{
    public const string Token = "test-token-SECRET-0123";

    private DiscordTestHost(FakeDiscord fake, IHost host, RecordingInbox inbox, TestLogs logs)
    {
        Fake = fake;
        Host = host;
        Inbox = inbox;
        Logs = logs;
    }

    public FakeDiscord Fake { get; }

    public IHost Host { get; }

    public RecordingInbox Inbox { get; }

    public TestLogs Logs { get; }

    public ChatAdapters Adapters => Host.Services.GetRequiredService<ChatAdapters>();

    public IChatPlatform Platform => Host.Services.GetRequiredService<IChatPlatform>();

    public static async Task<DiscordTestHost> StartAsync(FakeDiscord fake, IDictionary<string, string?>? settings = null, bool anotherAdapterRuns = true, bool start = true,
        Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["StudyBot:Discord:Token"] = Token,
            ["StudyBot:Discord:ApiBaseUrl"] = fake.ApiBase.ToString(),
            ["StudyBot:Discord:ReconnectBaseDelay"] = "00:00:00.010",
            ["StudyBot:Discord:ReconnectMaxDelay"] = "00:00:00.050",
            ["StudyBot:Discord:InvalidSessionMinDelay"] = "00:00:00.010",
            ["StudyBot:Discord:InvalidSessionMaxDelay"] = "00:00:00.020",
            ["StudyBot:Discord:IdentifySpacing"] = "00:00:00",
            ["StudyBot:Discord:HelloTimeout"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        var logs = new TestLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var inbox = new RecordingInbox();
        builder.Services.AddSingleton<IChatInbox>(inbox);
        builder.AddChatAdapterRegistry();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.AddDiscord();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        // Another adapter (the console, say) keeps the app alive, unless a test checks the exit.
        if (anotherAdapterRuns) host.Services.GetRequiredService<ChatAdapters>().Started("console");
        // Not started: only the REST side is used, and no gateway connection is made.
        if (start) await host.StartAsync();
        return new DiscordTestHost(fake, host, inbox, logs);
    }

    /// <summary>Accepts the next gateway connection through HELLO, IDENTIFY and READY.</summary>
    public async Task<(FakeGatewayConnection Connection, JsonElement Identify)> ConnectAsync(int heartbeatIntervalMs = 45_000)
    {
        var connection = await Fake.NextConnectionAsync();
        await connection.HelloAsync(heartbeatIntervalMs);
        var identify = await connection.ExpectAsync(2);
        await connection.ReadyAsync(resumeUrl: Fake.ResumeUrl);
        return (connection, identify);
    }

    /// <summary>Waits until the adapter reported a failure (or fails the test).</summary>
    public async Task<string> FailureAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            if (Adapters.Failures.TryGetValue("discord", out var reason)) return reason;
            await Task.Delay(50);
        }
        throw new TimeoutException("The Discord adapter reported no failure.");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
