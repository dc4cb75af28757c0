using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Adapters.Console;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Web.BrowserTests;

/// <summary>
/// The whole bot (content, SQLite file, Quartz, console adapter) with its web endpoint on Kestrel at
/// 127.0.0.1 on a free port, and a database seeded through the ports: one console channel on pack
/// <see cref="SeedPack.PackId"/>, one closed daily post a day for the 30 days before today (the questions in turn, <see cref="Rounds"/> times), and
/// <see cref="Members"/> members answering each.
/// </summary>
public sealed class SeededBot : IAsyncLifetime, IDisposable
{
    public const int Members = 22;

    /// <summary>Each question is posted this many times, on consecutive days: a month of chart, the same rates per question.</summary>
    public const int Rounds = 5;
    public static readonly ChannelAddress Channel = new("console", "browser-room");

    private readonly TempDirectory _dir = new();

    public IHost Host { get; private set; } = null!;
    public long ChannelId { get; private set; }
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The local (UTC) dates the posts were on, oldest first: one per post.</summary>
    public IReadOnlyList<DateOnly> PostDates { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={SeedPack.WriteTo(_dir)}",
            $"--StudyBot:Storage:DatabasePath={_dir.File("data/studybot.db")}",
            "--StudyBot:Web:Urls=http://127.0.0.1:0",
        ]);
        builder.Services.AddSingleton(new ConsoleTerminal(new SilentInput(), TextWriter.Null));
        Host = builder.Build();
        await Host.StartAsync();
        BaseAddress = new Uri(Host.Services.GetRequiredService<StudyWebServer>().Addresses.Single());
        await SeedAsync();
    }

    private async Task SeedAsync()
    {
        var channels = Host.Services.GetRequiredService<IChannelStore>();
        var posts = Host.Services.GetRequiredService<IPostStore>();
        var channel = await channels.GetOrAddAsync(Channel, default);
        await channels.UpdateAsync(channel with { Enabled = true, PackId = SeedPack.PackId, TimeZoneId = "UTC" }, default);
        ChannelId = channel.Id;

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var dates = new List<DateOnly>();
        var days = Rounds * SeedPack.Questions.Count;
        for (var i = 0; i < days; i++)
        {
            var (questionId, topic, correct) = SeedPack.Questions[i % SeedPack.Questions.Count];
            var date = today.AddDays(i - days);
            var opens = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var (post, _) = await posts.ReserveAsync(new NewPost(channel.Id, SeedPack.PackId, questionId, date, opens, opens.AddHours(12)), default);
            for (var member = 0; member < Members; member++)
            {
                // Members 0.. get it right; the others pick choice C, so choice D is a dead distractor everywhere.
                var right = member < correct;
                await posts.RecordAnswerAsync(new NewAnswer(post.Id, channel.Id, MemberUser(member), topic, right ? "1" : "2", right,
                    opens.AddMinutes(member + 1)), default);
            }
            await posts.CloseAsync(post.Id, post.ClosesAt, default);
            dates.Add(date);
        }
        PostDates = dates;
    }

    public static ChatUser MemberUser(int member) => new("console", $"member-{member:00}", $"Member {member:00}");

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }

    /// <summary>After <see cref="DisposeAsync"/> (xunit calls both): the database file is closed by then.</summary>
    public void Dispose() => _dir.Dispose();

    /// <summary>Console input that never ends: at end of input the console adapter would stop the bot.</summary>
    private sealed class SilentInput : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return null;
        }
    }
}
