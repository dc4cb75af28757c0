using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Adapters.Slack.Tests.Review;

/// <summary>
/// The real host (content, SQLite, Quartz, Slack) pointed at a fake Slack, on a clock a test can move, with
/// the daily question round a review starts from. Disposing checks everything sent against Block Kit's limits.
/// </summary>
internal sealed class RealCoreSlack : IAsyncDisposable
{
    public const string Admin = "U0BOSS";
    public const string Channel = "C0STUDY";
    public const string QuestionTs = "1700000123.000456";
    public const int WrongChoice = 0;
    public const int RightChoice = 1;

    private readonly TempDirectory _dir;
    private readonly IHost _host;

    private RealCoreSlack(TempDirectory dir, FakeSlack slack, IHost host, FakeSocket socket, TestLogs logs, ShiftedClock clock)
    {
        _dir = dir;
        Slack = slack;
        _host = host;
        Socket = socket;
        Logs = logs;
        Clock = clock;
    }

    public FakeSlack Slack { get; }

    public FakeSocket Socket { get; }

    public TestLogs Logs { get; }

    /// <summary>The clock the host and Quartz run on: a test moves it to "the next day".</summary>
    public ShiftedClock Clock { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<RealCoreSlack> StartAsync()
    {
        var dir = new TempDirectory();
        EndToEndPack.WriteTo(dir);
        var slack = await FakeSlack.StartAsync();
        var settings = SlackTestHost.Settings(slack);
        settings["StudyBot:Slack:AdminUserIds:0"] = Admin;
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={dir.File("data/studybot.db")}",
            "--StudyBot:Study:AnswerWindow=01:00:00",
            "--StudyBot:Console:Enabled=false",
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
        ]);
        var logs = new TestLogs();
        builder.Logging.ClearProviders().AddProvider(logs);
        // A Wednesday afternoon in Seoul; tests move it on a day or two.
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(9)));
        builder.Services.AddSingleton<TimeProvider>(clock);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return new RealCoreSlack(dir, slack, host, await slack.NextSocketAsync(), logs, clock);
        }
        catch
        {
            host.Dispose();
            await slack.DisposeAsync();
            logs.Dispose();
            dir.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The channel set up for 23:00 Seoul (so the daily trigger that fires after the clock moves a day finds its
    /// time still ahead and posts nothing), the question posted, answered by each member, then closed.
    /// </summary>
    public async Task AnswerDailyQuestionAsync(params (string UserId, int Choice)[] answers)
    {
        await SlashAsync("env-setup", "setup 23:00 Asia/Seoul", Admin);
        Slack.Script("chat.postMessage", new FakeResponse(200, new { ok = true, channel = Channel, ts = QuestionTs }));
        await SlashAsync("env-now", "now", Admin);
        var question = await Slack.CallAsync("chat.postMessage");
        var actionIds = ButtonsOf(question.Body).Select(b => b.ActionId).ToList();
        foreach (var (userId, choice) in answers)
        {
            var reply = await ClickAsync($"click-daily-{userId}", actionIds[choice], userId, messageTs: QuestionTs);
            Assert.Contains("Answer recorded", reply.Arg("text"), StringComparison.Ordinal);
        }
        Assert.Contains("The answer is revealed.", Text(await SlashAsync("env-close", "close", Admin)));
    }

    /// <summary>Sends <c>/study text</c> and returns the reply: the ack's payload, or the response_url reply if the ack had to go first.</summary>
    public async Task<JsonElement> SlashAsync(string envelopeId, string text, string userId)
    {
        await Socket.SendAsync(SlackEnvelopes.SlashCommand(envelopeId, text, Slack.ResponseUrl(envelopeId), userId: userId, channelId: Channel));
        var ack = await Socket.AckAsync(envelopeId);
        if (ack.TryGetProperty("payload", out var payload)) return payload;
        return (await Slack.CallAsync("respond", c => c.Path.EndsWith($"/respond/{envelopeId}", StringComparison.Ordinal))).Body;
    }

    /// <summary>A click; waits for the ack (no payload) and returns the reply posted to the click's response_url.</summary>
    public async Task<ApiCall> ClickAsync(string envelopeId, string actionId, string userId, string channelId = Channel,
        bool isEphemeral = false, string messageTs = "1700000000.000100")
    {
        await Socket.SendAsync(SlackEnvelopes.BlockAction(envelopeId, actionId, Slack.ResponseUrl(envelopeId),
            userId: userId, channelId: channelId, isEphemeral: isEphemeral, userName: userId.ToLowerInvariant(), messageTs: messageTs));
        var ack = await Socket.AckAsync(envelopeId);
        Assert.False(ack.TryGetProperty("payload", out _));
        return await Slack.CallAsync("respond", c => c.Path.EndsWith($"/respond/{envelopeId}", StringComparison.Ordinal));
    }

    public async Task<StoredCard> CardAsync(string userId)
    {
        var id = await Services.GetRequiredService<IUserStore>().GetOrAddAsync(new ChatUser("slack", userId, userId.ToLowerInvariant()), default);
        return Assert.Single(await Services.GetRequiredService<IReviewStore>().CardsAsync(id, default));
    }

    public static string Text(JsonElement payload) => payload.GetProperty("text").GetString() ?? "";

    public static List<(string Label, string ActionId)> ButtonsOf(JsonElement body) =>
        Blocks(body, "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Select(b => (b.GetProperty("text").GetProperty("text").GetString()!, b.GetProperty("action_id").GetString()!))
            .ToList();

    public static string? Header(JsonElement body) =>
        Assert.Single(Blocks(body, "header")).GetProperty("text").GetProperty("text").GetString();

    public static List<JsonElement> Blocks(JsonElement body, string type) =>
        body.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == type).ToList();

    public async ValueTask DisposeAsync()
    {
        try
        {
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
                await _host.StopAsync(timeout.Token);
            _host.Dispose();
            // Fails the test if anything the bot sent is Block Kit Slack would reject.
            Conformance.SentMessages.AssertValid(Slack);
        }
        finally
        {
            await Slack.DisposeAsync();
            Logs.Dispose();
            _dir.Dispose();
        }
    }
}
