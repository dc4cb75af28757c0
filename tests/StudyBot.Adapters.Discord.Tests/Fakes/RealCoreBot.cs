using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Storage;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Discord.Tests.Fakes;

/// <summary>The real host (content, SQLite, Quartz, Discord) pointed at a fake Discord, connected and READY.</summary>
internal sealed class RealCoreBot : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly IHost _host;
    private readonly ITestOutputHelper _output;
    private long _sequence = 1;

    private RealCoreBot(TempDirectory dir, FakeDiscord fake, IHost host, FakeGatewayConnection connection, TestLogs logs, ShiftedClock clock,
        ITestOutputHelper output)
    {
        _dir = dir;
        Clock = clock;
        Fake = fake;
        _host = host;
        Connection = connection;
        Logs = logs;
        _output = output;
    }

    public FakeDiscord Fake { get; }

    /// <summary>The live gateway connection; a chaos drill replaces it after a drop.</summary>
    public FakeGatewayConnection Connection { get; set; }

    /// <summary>The last dispatch sequence number sent.</summary>
    public long Sequence => _sequence;

    public long NextSequence() => ++_sequence;

    public TestLogs Logs { get; }

    public IPostStore Posts => _host.Services.GetRequiredService<IPostStore>();

    /// <summary>The clock the host and Quartz run on: a test moves it to "the next day".</summary>
    public ShiftedClock Clock { get; }

    public IServiceProvider Services => _host.Services;

    public ChatAdapters Adapters => _host.Services.GetRequiredService<ChatAdapters>();

    public static async Task<RealCoreBot> StartAsync(ITestOutputHelper output)
    {
        var dir = new TempDirectory();
        EndToEndPack.WriteTo(dir);
        var fake = await FakeDiscord.StartAsync();

        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={dir.File("data/studybot.db")}",
            // Long enough that only /study close ends the question during the test.
            "--StudyBot:Study:AnswerWindow=01:00:00",
            $"--StudyBot:Discord:Token={DiscordTestHost.Token}",
            $"--StudyBot:Discord:ApiBaseUrl={fake.ApiBase}",
            $"--StudyBot:Discord:GatewayUrl={fake.GatewayUrl}",
            "--StudyBot:Discord:IdentifySpacing=00:00:00",
            "--StudyBot:Discord:HelloTimeout=00:00:02",
        ]);
        var logs = new TestLogs();
        builder.Logging.ClearProviders().AddProvider(logs);
        // A Wednesday afternoon in Seoul, ahead of the real clock: the local day and the week on the board
        // are fixed. Quartz runs on this clock too, so the close trigger (in an hour), the next 09:00 post
        // and the Sunday board are all far off: only the commands in the test post, close and rank.
        var clock = new ShiftedClock(NextWednesdayAfternoonInSeoul());
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var host = builder.Build();
        try
        {
            var started = Stopwatch.GetTimestamp();
            await host.StartAsync();
            var connection = await fake.NextConnectionAsync();
            await connection.HelloAsync();
            var identify = await connection.ExpectAsync(2);
            Assert.Equal(DiscordTestHost.Token, identify.GetProperty("d").GetProperty("token").GetString());
            await connection.ReadyAsync(resumeUrl: fake.ResumeUrl);
            // The host registers the slash commands once it knows the application id from READY.
            await fake.WaitForRequestAsync(r => r.Is("PUT", "applications/app-1/commands"));
            output.WriteLine($"host started and READY in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
            return new RealCoreBot(dir, fake, host, connection, logs, clock, output);
        }
        catch
        {
            host.Dispose();
            await fake.DisposeAsync();
            dir.Dispose();
            throw;
        }
    }

    /// <summary>Dispatches an INTERACTION_CREATE and returns the <c>data</c> of its callback, which must be an immediate message.</summary>
    public async Task<JsonElement> InteractAsync(JsonObject payload)
    {
        var callback = await CallbackAsync(payload);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        return callback.Json.GetProperty("data");
    }

    /// <summary>Dispatches an INTERACTION_CREATE and returns its callback request, whatever its type (an update is 7) or form (multipart).</summary>
    public async Task<RecordedRequest> CallbackAsync(JsonObject payload)
    {
        var id = (string)payload["id"]!;
        var sent = Stopwatch.GetTimestamp();
        await Connection.DispatchAsync("INTERACTION_CREATE", ++_sequence, payload);
        var callback = await Fake.WaitForRequestAsync(r => r.Is("POST", $"interactions/{id}/itoken-{id}/callback"));
        _output.WriteLine($"{id} answered {callback.Since(sent).TotalMilliseconds:F0} ms after dispatch");
        return callback;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in Logs.Entries.Where(l => l.Level >= LogLevel.Warning))
            _output.WriteLine(entry.ToString());
        await _host.StopAsync();
        _host.Dispose();
        await Fake.DisposeAsync();
        _dir.Dispose();
    }

    private static DateTimeOffset NextWednesdayAfternoonInSeoul()
    {
        var seoul = TimeSpan.FromHours(9);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(seoul).DateTime);
        var days = ((int)DayOfWeek.Wednesday - (int)today.DayOfWeek + 7) % 7;
        var wednesday = today.AddDays(days == 0 ? 7 : days);
        return new DateTimeOffset(wednesday.ToDateTime(new TimeOnly(14, 0)), seoul);
    }
}
