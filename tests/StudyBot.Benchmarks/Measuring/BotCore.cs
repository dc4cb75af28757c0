using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;

namespace StudyBot.Benchmarks.Measuring;

/// <summary>
/// The bot's services wired exactly as the host wires them (StudyBotHost), on a given SQLite file
/// and content folder, with an in-memory chat platform. Nothing is started: calls go straight to
/// the inbound port, which is where every adapter hands events over. <c>services</c> may swap a part
/// for a variant the benchmark compares against (it runs after the host's own registrations).
/// </summary>
public sealed class BotCore : IDisposable
{
    private readonly IHost _host;

    public BotCore(string databasePath, string contentPath, TimeProvider? clock = null, Action<IServiceCollection>? services = null, string[]? settings = null)
    {
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={contentPath}",
            $"--StudyBot:Storage:DatabasePath={databasePath}",
            .. settings ?? [],
        ]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<IChatPlatform>(Platform);
        services?.Invoke(builder.Services);
        _host = builder.Build();
    }

    public RecordingChatPlatform Platform { get; } = new("bench");

    public IChatInbox Inbox => Get<IChatInbox>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static CommandContext As(string user, string channel, bool admin = false) =>
        new(new ChannelAddress("bench", channel), new ChatUser("bench", user, user), admin, Language.En);

    public void Dispose() => _host.Dispose();
}
