using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>A generic host with the Slack adapter pointed at a <see cref="FakeSlack"/>, short timeouts and a test inbox.</summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    public const string AppToken = "xapp-1-fake";
    public const string BotToken = "xoxb-fake";

    private readonly IHost _host;

    private readonly FakeSlack _slack;

    private SlackTestHost(IHost host, TestLogs logs, FakeSlack slack)
    {
        _host = host;
        _slack = slack;
        Logs = logs;
    }

    public TestLogs Logs { get; }

    public IServiceProvider Services => _host.Services;

    public IChatPlatform Platform => _host.Services.GetServices<IChatPlatform>().Single();

    public ChatAdapters Adapters => _host.Services.GetRequiredService<ChatAdapters>();

    public static Dictionary<string, string?> Settings(FakeSlack slack) => new()
    {
        ["StudyBot:Slack:AppToken"] = AppToken,
        ["StudyBot:Slack:BotToken"] = BotToken,
        ["StudyBot:Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        ["StudyBot:Slack:HelloTimeout"] = "00:00:05",
        ["StudyBot:Slack:ReconnectDelay"] = "00:00:00.010",
        ["StudyBot:Slack:MaxReconnectDelay"] = "00:00:00.100",
        ["StudyBot:Slack:ChannelMessageInterval"] = "00:00:00.010",
    };

    public static IHostApplicationBuilder Builder(IDictionary<string, string?> settings, IChatInbox inbox, TestLogs logs)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.AddChatAdapterRegistry();
        builder.Services.AddSingleton(inbox);
        builder.AddSlack();
        return builder;
    }

    /// <summary>Starts the host. Another adapter is marked running so a fatal Slack error does not stop the test process.</summary>
    public static async Task<SlackTestHost> StartAsync(FakeSlack slack, IChatInbox inbox, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = Settings(slack);
        configure?.Invoke(settings);
        var logs = new TestLogs();
        var host = ((HostApplicationBuilder)Builder(settings, inbox, logs)).Build();
        host.Services.GetRequiredService<ChatAdapters>().Started("console");
        await host.StartAsync();
        return new SlackTestHost(host, logs, slack);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
        // Every adapter test that makes the bot talk also checks that Slack would accept what it said.
        Conformance.SentMessages.AssertValid(_slack);
    }
}
