using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>
/// The whole bot behind Slack: the fake Slack's Socket Mode and Web API ⇄ the Slack adapter ⇄ the real
/// host (<see cref="StudyBotHost"/>: core, content, Quartz) ⇄ a real SQLite file in a temp folder.
/// Every step is checked where Slack would see it: envelope acks, response_url replies and Web API calls.
/// </summary>
public sealed partial class SlackEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string Admin = "U0BOSS";
    private const string Channel = "C0STUDY";
    // The fake answers chat.postMessage with this ts (scripted), so chat.update can be matched to it.
    private const string QuestionTs = "1700000123.000456";
    // Quick enough for dotnet test; STUDYBOT_CHAOS_CLICKS raises it for the long drill.
    private static readonly int ChaosClicks = int.TryParse(Environment.GetEnvironmentVariable("STUDYBOT_CHAOS_CLICKS"), out var n) ? n : 150;

    private readonly TempDirectory _dir = new();
    private readonly TestLogs _logs = new();
    private FakeSlack _slack = null!;
    private IHost _host = null!;
    private FakeSocket _socket = null!;
    private ShiftedClock _clock = null!;

    public async Task InitializeAsync()
    {
        EndToEndPack.WriteTo(_dir);

        _slack = await FakeSlack.StartAsync();
        var settings = SlackTestHost.Settings(_slack);
        settings["StudyBot:Slack:AdminUserIds:0"] = Admin;
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={_dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={_dir.File("data/studybot.db")}",
            // Long enough that only /study close closes the question during the test.
            "--StudyBot:Study:AnswerWindow=01:00:00",
            "--StudyBot:Console:Enabled=false",
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
        ]);
        builder.Logging.ClearProviders().AddProvider(_logs);
        // A fixed Wednesday afternoon in Seoul: the real 09:00 post and Sunday 20:00 board triggers
        // (Quartz runs on this clock too) can never fire during the test.
        _clock = new ShiftedClock(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(9)));
        builder.Services.AddSingleton<TimeProvider>(_clock);
        _host = builder.Build();
        await _host.StartAsync();
        _socket = await _slack.NextSocketAsync();
    }

    public async Task DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            await _host.StopAsync(timeout.Token);
        _host.Dispose();
        // Fails the test if anything the bot sent is Block Kit Slack would reject.
        try
        {
            Conformance.SentMessages.AssertValid(_slack);
        }
        finally
        {
            await _slack.DisposeAsync();
        }
    }

    /// <summary>Runs after <see cref="DisposeAsync"/>: the SQLite file is closed by then.</summary>
    public void Dispose()
    {
        _logs.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Setup_post_clicks_close_leaderboard_and_help_through_slack_on_real_storage()
    {
        // 1. An admin turns daily questions on; the answer comes back in the envelope's ack.
        var setup = await SlashAsync("env-setup", "setup 09:00 Asia/Seoul", Admin);
        Assert.Equal("in_channel", setup.GetProperty("response_type").GetString());
        Assert.Contains("Daily questions are on", Text(setup));
        Assert.Contains("09:00 Asia/Seoul", Text(setup));
        Assert.Equal(0, _slack.Calls.Count(c => c.Method == "chat.postMessage"));

        // 2. /study now posts the question with one button per choice.
        _slack.Script("chat.postMessage", new FakeResponse(200, new { ok = true, channel = Channel, ts = QuestionTs }));
        var now = await SlashAsync("env-now", "now", Admin);
        Assert.Equal("ephemeral", now.GetProperty("response_type").GetString());
        Assert.Contains("Today's question is up.", Text(now));
        var question = await _slack.CallAsync("chat.postMessage");
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", question.Authorization);
        Assert.Equal(Channel, question.Arg("channel"));
        Assert.Equal("Question of the day · Amazon EBS", Header(question.Body));
        var buttons = Assert.Single(Blocks(question.Body, "actions")).GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal(["A. In a Region", "B. In one Availability Zone", "C. In an edge location"],
            buttons.Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        var actionIds = buttons.Select(b => b.GetProperty("action_id").GetString()!).ToList();
        var postId = DailyAnswer(actionIds[0]).PostId;
        Assert.Equal([0, 1, 2], actionIds.Select(id => DailyAnswer(id).Choice));
        Assert.All(actionIds, id => Assert.Equal(postId, DailyAnswer(id).PostId));

        // 3. Three people click: alice and carol right (B), bob wrong (A). Each click is acked and answered privately.
        var alice = await ClickAsync("click-alice", actionIds[1], "U0ALICE", "alice");
        var bob = await ClickAsync("click-bob", actionIds[0], "U0BOB", "bob");
        var carol = await ClickAsync("click-carol", actionIds[1], "U0CAROL", "carol");
        foreach (var (reply, letter) in new[] { (alice, "B"), (bob, "A"), (carol, "B") })
        {
            Assert.Equal("ephemeral", reply.Arg("response_type"));
            Assert.Equal("false", reply.Arg("replace_original"));
            Assert.Contains("Answer recorded", reply.Arg("text"));
            Assert.Contains($"Your answer {letter} is in.", reply.Arg("text"));
        }

        // bob changes his mind: refused, his first answer stands.
        var again = await ClickAsync("click-bob-again", actionIds[1], "U0BOB", "bob");
        Assert.Equal("ephemeral", again.Arg("response_type"));
        Assert.Contains("Already answered", again.Arg("text"));

        // Slack redelivers alice's envelope (same envelope_id): acked again, not handled again.
        await _socket.SendAsync(SlackEnvelopes.BlockAction("click-alice", actionIds[1], _slack.ResponseUrl("click-alice"),
            userId: "U0ALICE", channelId: Channel, retryAttempt: 1, userName: "alice", messageTs: QuestionTs));
        await _socket.Received.WaitForCountAsync(m => EnvelopeId(m) == "click-alice", 2);
        await _logs.WaitForAsync(LogLevel.Information, "envelope click-alice again");

        // Forged buttons: a choice the question does not have, and a question never posted.
        var forgedChoice = await ClickAsync("click-forged-choice", $"sb:a:{postId}:4:-1", "U0DAVE", "dave");
        Assert.Equal("ephemeral", forgedChoice.Arg("response_type"));
        Assert.Contains("Unknown choice", forgedChoice.Arg("text"));
        Assert.Contains("nothing was recorded", forgedChoice.Arg("text"));
        var forgedPost = await ClickAsync("click-forged-post", $"sb:a:{postId + 1000}:1:-1", "U0DAVE", "dave");
        Assert.Equal("ephemeral", forgedPost.Arg("response_type"));
        Assert.Contains("Unknown question", forgedPost.Arg("text"));

        // What SQLite holds: three answers, bob's first one kept, nothing twice.
        var results = await _host.Services.GetRequiredService<IPostStore>().ResultsAsync(postId, default);
        Assert.Equal(3, results.Answered);
        Assert.Equal(2, results.Correct);
        Assert.Equal("alice", results.FirstCorrectName);
        Assert.Equal([1, 2, 0], results.ChoiceCounts.Take(3)); // A, B, C
        Assert.Equal(3, results.ChoiceCounts.Sum());
        Assert.Equal(1, _slack.Calls.Count(c => c.Method == "respond" && c.Path.EndsWith("/respond/click-alice", StringComparison.Ordinal)));

        // 4. /study close edits the question in place: buttons gone, the reveal in their place.
        var close = await SlashAsync("env-close", "close", Admin);
        Assert.Contains("The answer is revealed.", Text(close));
        var reveal = await _slack.CallAsync("chat.update");
        Assert.Equal(Channel, reveal.Arg("channel"));
        Assert.Equal(QuestionTs, reveal.Arg("ts"));
        Assert.Empty(Blocks(reveal.Body, "actions"));
        Assert.Equal("Answer: B · Amazon EBS", Header(reveal.Body));
        var fields = Blocks(reveal.Body, "section").Where(b => b.TryGetProperty("fields", out _))
            .SelectMany(b => b.GetProperty("fields").EnumerateArray()).Select(f => f.GetProperty("text").GetString()).ToList();
        Assert.Equal(["*Answered*\n3", "*Correct*\n67%", "*First correct*\nalice"], fields);
        var revealBody = string.Join("\n", Blocks(reveal.Body, "section").Where(b => b.TryGetProperty("text", out _))
            .Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Contains("✅ *B.* In one Availability Zone (2)", revealBody);
        Assert.Contains("▫️ *A.* In a Region (1)", revealBody);
        Assert.Contains("An EBS volume is bound to one Availability Zone.", revealBody);
        Assert.Equal(1, _slack.Calls.Count(c => c.Method == "chat.update"));

        // 5. The week's board: the two right answers above the wrong one.
        var board = await SlashAsync("env-board", "leaderboard", "U0DAVE");
        Assert.Equal("in_channel", board.GetProperty("response_type").GetString());
        var boardText = Text(board);
        Assert.Contains("🥇 *alice* — 10 pts (1/1)", boardText);
        Assert.Contains("🥇 *carol* — 10 pts (1/1)", boardText);
        Assert.Contains("3. *bob* — 0 pts (0/1)", boardText);
        Assert.True(boardText.IndexOf("*alice*", StringComparison.Ordinal) < boardText.IndexOf("*bob*", StringComparison.Ordinal));
        Assert.True(boardText.IndexOf("*carol*", StringComparison.Ordinal) < boardText.IndexOf("*bob*", StringComparison.Ordinal));
        Assert.DoesNotContain("dave", boardText);

        // 6. Admin commands are refused to others, and help speaks Slack's /study form.
        var refused = await SlashAsync("env-bob-now", "now", "U0BOB");
        Assert.Equal("ephemeral", refused.GetProperty("response_type").GetString());
        Assert.Contains("Admins only", Text(refused));
        Assert.Contains("/study now is for people who can manage this channel.", Text(refused));
        Assert.Equal(1, _slack.Calls.Count(c => c.Method == "chat.postMessage" && c.Arg("thread_ts") is null));
        // Threads are on by default: the reveal's summary is also a reply in the question's thread.
        var summary = await _slack.CallAsync("chat.postMessage", c => c.Arg("thread_ts") == QuestionTs);
        Assert.Contains("67% correct (2 of 3) · first right: alice", summary.Arg("text"));

        var help = await SlashAsync("env-help", "help", "U0BOB");
        Assert.Equal("ephemeral", help.GetProperty("response_type").GetString());
        var commandLines = Text(help).Split('\n').Where(l => l.StartsWith("*/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(commandLines);
        Assert.All(commandLines, l => Assert.StartsWith("*/study ", l, StringComparison.Ordinal));
        Assert.Contains(commandLines, l => l.StartsWith("*/study topic ", StringComparison.Ordinal));
        Assert.Contains(commandLines, l => l.StartsWith("*/study quiz", StringComparison.Ordinal));
        Assert.Contains(commandLines, l => l.StartsWith("*/study leaderboard", StringComparison.Ordinal));
        Assert.DoesNotContain("/study study", Text(help));
        Assert.DoesNotContain("/study setup", Text(help)); // bob is no admin

        // Every envelope was acked exactly once, except the redelivered one (twice); nothing went wrong on the way.
        foreach (var id in new[] { "env-setup", "env-now", "click-bob", "click-carol", "click-bob-again", "click-forged-choice", "click-forged-post", "env-close", "env-board", "env-bob-now", "env-help" })
            Assert.Equal(1, _socket.AckCount(id));
        Assert.Equal(2, _socket.AckCount("click-alice"));
        Assert.DoesNotContain(_logs.Entries.All, e => e.Level >= LogLevel.Error);
    }

    /// <summary>Sends <c>/study text</c> and returns the reply: the ack's payload, or the response_url reply if the ack had to go first.</summary>
    private async Task<JsonElement> SlashAsync(string envelopeId, string text, string userId)
    {
        await _socket.SendAsync(SlackEnvelopes.SlashCommand(envelopeId, text, _slack.ResponseUrl(envelopeId), userId: userId, channelId: Channel));
        var ack = await _socket.AckAsync(envelopeId);
        if (ack.TryGetProperty("payload", out var payload)) return payload;
        return (await _slack.CallAsync("respond", c => c.Path.EndsWith($"/respond/{envelopeId}", StringComparison.Ordinal))).Body;
    }

    /// <summary>Clicks a button on the posted question; waits for the ack (which carries no payload) and returns the private reply.</summary>
    /// <summary>
    /// Reliability drill: clicks stream in while sockets are refreshed (make-before-break), killed
    /// outright (Slack then redelivers what was never acked on the new socket) and envelopes are
    /// redelivered at random. Every click is stored once and answered once.
    /// </summary>
    [Fact]
    public async Task Chaos_drill_clicks_across_refreshes_killed_sockets_and_redeliveries_are_each_stored_and_answered_once()
    {
        await SlashAsync("env-setup", "setup 09:00 Asia/Seoul", Admin);
        _slack.Script("chat.postMessage", new FakeResponse(200, new { ok = true, channel = Channel, ts = QuestionTs }));
        await SlashAsync("env-now", "now", Admin);
        var question = await _slack.CallAsync("chat.postMessage");
        var actionIds = Assert.Single(Blocks(question.Body, "actions")).GetProperty("elements").EnumerateArray()
            .Select(b => b.GetProperty("action_id").GetString()!).ToList();
        var postId = DailyAnswer(actionIds[0]).PostId;

        var clicks = ChaosClicks;
        var random = new Random(20261122);
        // Acks from every socket the drill has used, gathered as they arrive so the long drill stays linear.
        var acked = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        FakeSocket Watched(FakeSocket next)
        {
            next.Received.Added += message => { if (EnvelopeId(message) is { } id) acked.TryAdd(id, 0); };
            foreach (var id in next.FirstAckAt.Keys) acked.TryAdd(id, 0);
            return next;
        }
        var socket = Watched(_socket);
        var (refreshes, kills, redeliveries) = (0, 0, 0);
        string Click(int i, int retry) => SlackEnvelopes.BlockAction($"chaos-{i}", actionIds[i % 3], _slack.ResponseUrl($"chaos-{i}"),
            userId: $"U{i:D5}", channelId: Channel, retryAttempt: retry, userName: $"user{i}", messageTs: QuestionTs);
        bool Acked(int i) => acked.ContainsKey($"chaos-{i}") || socket.FirstAckAt.ContainsKey($"chaos-{i}");

        for (var i = 0; i < clicks; i++)
        {
            await socket.SendAsync(Click(i, 0));
            switch (random.Next(12))
            {
                case 0:
                    await socket.SendDisconnectAsync("refresh_requested");
                    socket = Watched(await _slack.NextSocketAsync());
                    refreshes++;
                    break;
                case 1:
                    socket.Abort();
                    socket = Watched(await _slack.NextSocketAsync());
                    // Slack redelivers, on the new socket, every envelope the dead one never acknowledged.
                    for (var j = 0; j <= i; j++)
                    {
                        if (!Acked(j)) await socket.SendAsync(Click(j, 1));
                    }
                    kills++;
                    break;
                case 2:
                    await socket.SendAsync(Click(random.Next(i + 1), 2));
                    redeliveries++;
                    break;
            }
        }

        static bool IsChaosReply(ApiCall c) => c.Method == "respond" && c.Path.Contains("/respond/chaos-", StringComparison.Ordinal);
        await _slack.Calls.WaitForCountAsync(IsChaosReply, clicks, TimeSpan.FromSeconds(30 + clicks / 100));
        // A redelivery of an envelope already answered is acknowledged on its new socket after the reply went
        // out, so the last acks may trail the last reply: give them a moment before checking each one.
        for (var waited = 0; waited < 100 && !Enumerable.Range(0, clicks).All(Acked); waited++) await Task.Delay(100);
        var results = await _host.Services.GetRequiredService<IPostStore>().ResultsAsync(postId, default);
        var repliesPerClick = _slack.Calls.All.Where(IsChaosReply).GroupBy(c => c.Path[(c.Path.LastIndexOf('/') + 1)..]).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(refreshes > 0 && kills > 0 && redeliveries > 0, $"refreshes {refreshes}, kills {kills}, redeliveries {redeliveries}");
        Assert.Equal(clicks, results.Answered);
        for (var i = 0; i < clicks; i++)
        {
            Assert.True(Acked(i), $"chaos-{i} was never acknowledged");
            Assert.Equal(1, repliesPerClick.GetValueOrDefault($"chaos-{i}"));
        }
        Assert.DoesNotContain(_logs.Entries.All, e => e.Level >= LogLevel.Error);
    }

    private async Task<ApiCall> ClickAsync(string envelopeId, string actionId, string userId, string userName)
    {
        await _socket.SendAsync(SlackEnvelopes.BlockAction(envelopeId, actionId, _slack.ResponseUrl(envelopeId),
            userId: userId, channelId: Channel, userName: userName, messageTs: QuestionTs));
        var ack = await _socket.AckAsync(envelopeId);
        Assert.False(ack.TryGetProperty("payload", out _));
        return await _slack.CallAsync("respond", c => c.Path.EndsWith($"/respond/{envelopeId}", StringComparison.Ordinal));
    }

    private static ButtonAction.DailyAnswer DailyAnswer(string id)
    {
        Assert.True(ButtonIds.TryParse(id, out var action), id);
        return Assert.IsType<ButtonAction.DailyAnswer>(action);
    }

    private static string? EnvelopeId(JsonElement message) =>
        message.TryGetProperty("envelope_id", out var id) ? id.GetString() : null;

    private static string Text(JsonElement payload) => payload.GetProperty("text").GetString() ?? "";

    private static List<JsonElement> Blocks(JsonElement body, string type) =>
        body.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == type).ToList();

    private static string? Header(JsonElement body) =>
        Assert.Single(Blocks(body, "header")).GetProperty("text").GetProperty("text").GetString();
}
