using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>The core services wired as in production over a temp SQLite file, with a recording platform, a movable clock and optionally a seeded <see cref="Random"/>.</summary>
internal sealed class CoreOnRealStorage : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly IHost _host;

    public CoreOnRealStorage(ContentPack pack, DateTimeOffset now, Random? random = null)
    {
        Clock = new ShiftedClock(now);
        _dir.Write("content/placeholder/pack.yaml", "id: placeholder\n");
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={_dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={_dir.File("data/bot.db")}",
            "--StudyBot:Console:Enabled=false",
        ]);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton(new ContentCatalog([pack]));
        builder.Services.AddSingleton<IChatPlatform>(Platform);
        if (random is not null) builder.Services.AddSingleton(random);
        _host = builder.Build();
    }

    public ShiftedClock Clock { get; }
    public string DatabasePath => _dir.File("data/bot.db");
    public RecordingChatPlatform Platform { get; } = new();
    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();
    public IChatInbox Inbox => Get<IChatInbox>();

    public static CommandContext As(string user, string channel = "room", bool admin = false, Language language = Language.En) =>
        new(new ChannelAddress("test", channel), new ChatUser("test", user, user), admin, language);

    /// <summary>Sets the channel up and posts today's question; returns the post.</summary>
    public async Task<Post> PostTodayAsync(string channel = "room")
    {
        var setup = await Inbox.HandleCommandAsync(As("admin", channel, admin: true), "study setup 09:00 UTC", default);
        Assert.False(setup.Ephemeral, setup.Message.Body);
        await Inbox.HandleCommandAsync(As("admin", channel, admin: true), "/study now", default);
        var channelId = (await Get<IChannelStore>().GetOrAddAsync(new ChannelAddress("test", channel), default)).Id;
        return (await Get<IPostStore>().FindOpenAsync(channelId, default))!;
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }
}
