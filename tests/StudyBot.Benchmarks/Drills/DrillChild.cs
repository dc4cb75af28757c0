using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Benchmarks.Cases;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Content;
using StudyBot.Core;
using StudyBot.Core.Chat;
using StudyBot.Scheduling;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Drills;

/// <summary>
/// The bot side of the crash drills, run as its own process so the parent can kill -9 it. It writes
/// one stdout line per acknowledgement; a line the parent reads is an acknowledgement that was sent.
/// </summary>
public static class DrillChild
{
    public static async Task<int> RunAsync(string[] args) => args switch
    {
        ["burst", var db, var users, var inFlight] => await BurstAsync(db, int.Parse(users, CultureInfo.InvariantCulture), int.Parse(inFlight, CultureInfo.InvariantCulture)),
        ["post", var db, var now, var mode] => await PostAsync(db, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), mode),
        ["node", var clockOffsetMs, .. var settings] => await NodeAsync(TimeSpan.FromMilliseconds(double.Parse(clockOffsetMs, CultureInfo.InvariantCulture)), settings),
        _ => throw new ArgumentException($"unknown drill child: {string.Join(' ', args)}"),
    };

    /// <summary>Opens today's question (first run) or finds it (after a restart), then clicks for users 0..n-1, printing each reply.</summary>
    private static async Task<int> BurstAsync(string db, int users, int inFlight)
    {
        using var bot = new BotCore(db, Repository.AwsPack);
        var burst = new AnswerBurst(bot, KillDuringBurstDrill.Channel);
        await burst.OpenQuestionAsync();
        Console.WriteLine($"READY {burst.Post!.Id}");
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < users)
            {
                var reply = await bot.Inbox.HandleButtonAsync(BotCore.As($"user{i}", KillDuringBurstDrill.Channel), burst.ButtonId, default);
                Console.WriteLine($"ACK user{i} {reply.Message.Title}");
            }
        })));
        Console.WriteLine("DONE");
        return 0;
    }

    /// <summary>
    /// The real scheduler on the drill's file with the clock set to <paramref name="now"/>. "setup"
    /// schedules a 09:00 Asia/Seoul channel; "run" just runs; "hang" never finishes sending a post.
    /// </summary>
    private static async Task<int> PostAsync(string db, DateTimeOffset now, string mode)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StudyBot:Storage:DatabasePath"] = db,
            ["StudyBot:Content:Path"] = Repository.Content,
            ["StudyBot:Scheduling:MisfireThreshold"] = "00:00:05",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddStudyCore().AddStudyContent().AddSqliteStorage().AddStudyScheduling();
        builder.Services.AddSingleton<TimeProvider>(new ShiftedClock(now));
        builder.Services.AddSingleton<IChatPlatform>(new PrintingPlatform(hang: mode == "hang"));
        using var host = builder.Build();
        await host.StartAsync();
        if (mode is "setup" or "hang")
        {
            var inbox = host.Services.GetRequiredService<IChatInbox>();
            var admin = new CommandContext(new ChannelAddress(PrintingPlatform.PlatformName, MissedPostDrill.Channel),
                new ChatUser(PrintingPlatform.PlatformName, "admin", "admin"), IsAdmin: true, Core.Content.Language.En);
            var reply = await inbox.HandleCommandAsync(admin, "/study setup 09:00 Asia/Seoul aws-saa", default);
            Console.WriteLine($"SETUP {reply.Message.Title}");
        }
        Console.WriteLine("STARTED");
        await Task.Delay(Timeout.Infinite); // until killed
        return 0;
    }

    /// <summary>
    /// A cluster node: the whole host as <c>studybot</c> runs it, with <paramref name="settings"/> as its
    /// command line and the clock moved by <paramref name="clockOffset"/> (the same for every node of a
    /// drill, so they agree on the hour). Logs go to stderr: stdout is the drill's.
    /// </summary>
    private static async Task<int> NodeAsync(TimeSpan clockOffset, string[] settings)
    {
        var builder = StudyBotHost.CreateBuilder(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(new ShiftedClock(DateTimeOffset.UtcNow + clockOffset));
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("STARTED");
        await Task.Delay(Timeout.Infinite); // until killed
        return 0;
    }

    /// <summary>A platform that prints what it posts. With <c>hang</c>, a post is announced and never completes (the process dies mid-send).</summary>
    private sealed class PrintingPlatform(bool hang) : IChatPlatform
    {
        public const string PlatformName = "drill";
        private int _ids;

        public string Name => PlatformName;

        public async Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken)
        {
            Console.WriteLine($"POSTING {channelId}");
            if (hang) await Task.Delay(Timeout.Infinite, cancellationToken);
            var id = Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"POSTED {channelId} {id}");
            return id;
        }

        public Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(DirectMessageResult.Sent);
    }
}
