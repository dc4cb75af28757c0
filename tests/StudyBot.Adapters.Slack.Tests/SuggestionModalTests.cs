using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Storage;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>
/// <c>/study suggest</c> on Slack against the fake, with the real core and SQLite: views.open with the
/// command's trigger_id, view_submission answered in its ack (errors keep the modal and what was typed),
/// the review buttons, and the approved question posted the next day without pinging anyone.
/// </summary>
public sealed class SuggestionModalTests : IAsyncLifetime, IDisposable
{
    private const string Admin = "U0BOSS";
    private const string Channel = "C0STUDY";
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(9));

    private readonly TempDirectory _dir = new();
    private readonly TestLogs _logs = new();
    private readonly ShiftedClock _clock = new(Wednesday);
    private FakeSlack _slack = null!;
    private IHost _host = null!;
    private FakeSocket _socket = null!;

    private static Dictionary<string, string> Typed(string choices = "In a Region\nIn one Availability Zone", string answer = "B") => new()
    {
        ["prompt"] = "Where is an EBS snapshot stored? <!everyone> <@U0ALICE> <b>x</b> & co",
        ["choices"] = choices,
        ["answer"] = answer,
        ["explanation"] = "Snapshots live in S3, across the Region.",
        ["topic"] = "",
    };

    public async Task InitializeAsync()
    {
        EndToEndPack.WriteTo(_dir);
        _slack = await FakeSlack.StartAsync();
        var settings = SlackTestHost.Settings(_slack);
        settings["StudyBot:Slack:AdminUserIds:0"] = Admin;
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={_dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={_dir.File("data/studybot.db")}",
            "--StudyBot:Study:AnswerWindow=01:00:00",
            "--StudyBot:Console:Enabled=false",
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
        ]);
        builder.Logging.ClearProviders().AddProvider(_logs);
        builder.Services.AddSingleton<TimeProvider>(_clock);
        _host = builder.Build();
        await _host.StartAsync();
        _socket = await _slack.NextSocketAsync();
    }

    [Fact]
    public async Task Suggest_opens_a_modal_and_a_refused_submission_keeps_it_open_with_errors_per_field()
    {
        await _socket.SendAsync(SlackEnvelopes.SlashCommand("env-suggest", "suggest", _slack.ResponseUrl("env-suggest"), channelId: Channel));
        var open = await _slack.CallAsync("views.open");
        Assert.Equal("123.456.abc", open.Body.GetProperty("trigger_id").GetString());
        var view = open.Body.GetProperty("view");
        Assert.Equal(("sb:f:new", Channel), (view.GetProperty("callback_id").GetString(), view.GetProperty("private_metadata").GetString()));
        Assert.Contains("one language is enough", view.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False((await _socket.AckAsync("env-suggest")).TryGetProperty("payload", out _));

        var bad = Typed(choices: new string('x', 300) + "\nShort", answer: "D");
        await _socket.SendAsync(SlackEnvelopes.ViewSubmission("env-bad", "sb:f:new", Channel, bad));
        var ack = (await _socket.AckAsync("env-bad")).GetProperty("payload");

        Assert.Equal("errors", ack.GetProperty("response_action").GetString());
        var errors = ack.GetProperty("errors");
        Assert.StartsWith("choice A is 300 characters; at most 72", errors.GetProperty("choices").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("answer 'D' is out of range", errors.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Empty(await _host.Services.GetRequiredService<ISuggestionStore>().ListApprovedAsync(default));
        Assert.DoesNotContain(_slack.Calls.All, c => c.Method == "chat.postEphemeral");
    }

    [Fact]
    public async Task An_approved_suggestion_is_the_next_days_question_and_its_text_pings_nobody()
    {
        await SlashAsync("env-setup", "setup 09:00 Asia/Seoul", Admin);
        await SlashAsync("env-now", "now", Admin);

        await _socket.SendAsync(SlackEnvelopes.ViewSubmission("env-ok", "sb:f:new", Channel, Typed()));
        Assert.False((await _socket.AckAsync("env-ok")).TryGetProperty("payload", out _), "a valid form closes with an empty ack");
        var thanks = await _slack.CallAsync("chat.postEphemeral");
        Assert.Equal("U0ALICE", thanks.Arg("user"));
        Assert.Contains("in the queue", thanks.Arg("text"), StringComparison.Ordinal);

        var queue = await SlashAsync("env-list", "suggestions", Admin);
        var approve = queue.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Single(e => e.GetProperty("text").GetProperty("text").GetString() == "Approve").GetProperty("action_id").GetString()!;

        Assert.Contains("Admins only", (await ClickAsync("click-member", approve, "U0ALICE")).Arg("text"), StringComparison.Ordinal);
        Assert.Contains("Approved #1", (await ClickAsync("click-boss", approve, Admin)).Arg("text"), StringComparison.Ordinal);
        Assert.Contains("Already approved by", (await ClickAsync("click-boss-again", approve, Admin)).Arg("text"), StringComparison.Ordinal);

        await SlashAsync("env-close", "close", Admin);
        _clock.Set(Wednesday.AddDays(1));
        await SlashAsync("env-next", "now", Admin);

        var post = _slack.Calls.All.Last(c => c.Method == "chat.postMessage");
        var raw = post.Body.GetRawText();
        Assert.Contains("Written by", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;!everyone&gt; &lt;@U0ALICE&gt; &lt;b&gt;x&lt;/b&gt; &amp; co", post.Arg("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("<!everyone>", raw.Replace("\\u003C", "<", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private async Task<JsonElement> SlashAsync(string envelopeId, string text, string userId)
    {
        await _socket.SendAsync(SlackEnvelopes.SlashCommand(envelopeId, text, _slack.ResponseUrl(envelopeId), userId: userId, channelId: Channel));
        var ack = await _socket.AckAsync(envelopeId);
        if (ack.TryGetProperty("payload", out var payload)) return payload;
        return (await _slack.CallAsync("respond", c => c.Path.EndsWith($"/respond/{envelopeId}", StringComparison.Ordinal))).Body;
    }

    private async Task<ApiCall> ClickAsync(string envelopeId, string actionId, string userId)
    {
        await _socket.SendAsync(SlackEnvelopes.BlockAction(envelopeId, actionId, _slack.ResponseUrl(envelopeId), userId: userId, channelId: Channel, isEphemeral: true));
        await _socket.AckAsync(envelopeId);
        return await _slack.CallAsync("respond", c => c.Path.EndsWith($"/respond/{envelopeId}", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            await _host.StopAsync(timeout.Token);
        _host.Dispose();
        try
        {
            Conformance.SentMessages.AssertValid(_slack);
        }
        finally
        {
            await _slack.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _logs.Dispose();
        _dir.Dispose();
    }
}
