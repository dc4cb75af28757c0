using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Adapters.Slack.Tests.Fakes;
using StudyBot.Core.Chat;
using StudyBot.Core.Commands;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>Bad input through Slack into the real core (in-memory storage): a clear private reply, nothing recorded twice.</summary>
public sealed class CoreBadInputTests : IAsyncLifetime
{
    private const long OpenPost = 42;
    private const long ClosedPost = 43;

    private readonly InMemoryStudyStore _store = new();
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;
    private FakeSocket _socket = null!;

    public async Task InitializeAsync()
    {
        var question = new Question("ebs-001", "ebs", QuestionKind.SingleChoice, LocalizedText.Of(Language.En, "Default EBS type?"),
            [LocalizedText.Of(Language.En, "gp2"), LocalizedText.Of(Language.En, "gp3")], new HashSet<int> { 1 },
            LocalizedText.Of(Language.En, "gp3."), null, null, new SourceLocation("q.yaml", 1));
        var catalog = new ContentCatalog([new ContentPack("test", LocalizedText.Of(Language.En, "Test"), Language.En, [], [question])]);
        var channel = _store.AddChannel(new ChannelAddress("slack", "C0STUDY"));
        var now = DateTimeOffset.UtcNow;
        _store.AddPost(new Post(OpenPost, channel.Id, "test", "ebs-001", DateOnly.FromDateTime(now.UtcDateTime), now.AddHours(-1), now.AddHours(1), "1.1", null));
        _store.AddPost(new Post(ClosedPost, channel.Id, "test", "ebs-001", DateOnly.FromDateTime(now.UtcDateTime), now.AddHours(-3), now.AddHours(-2), "1.2", now.AddHours(-2)));

        var inbox = new StudyInbox(
            [new HelpCommand()],
            new AnswerDesk(_store, _store, catalog, TimeProvider.System),
            new PracticeDesk(_store, _store, _store, _store, catalog, TimeProvider.System, new Random(1)),
            catalog,
            NullLogger<StudyInbox>.Instance);
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack, inbox);
        _socket = await _slack.NextSocketAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Unknown_sub_command_gets_a_clear_ephemeral_reply()
    {
        await _socket.SendAsync(SlackEnvelopes.SlashCommand("env-1", "bogus", _slack.ResponseUrl("1")));

        var payload = (await _socket.AckAsync("env-1")).GetProperty("payload");
        Assert.Equal("ephemeral", payload.GetProperty("response_type").GetString());
        Assert.Contains("I don't know \"/study bogus\"", payload.GetProperty("text").GetString());
        // The help that follows speaks Slack: every command is a sub-command of /study.
        Assert.Contains("/study topic", payload.GetProperty("text").GetString());
        Assert.DoesNotContain("/study study", payload.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("sb:a:not-a-number", "Unknown choice")]
    [InlineData("sb:a:42:9:-1", "Unknown choice")]
    [InlineData("<script>", "Unknown choice")]
    [InlineData("sb:a:999:0:-1", "Unknown question")]
    public async Task Forged_or_unknown_button_gets_a_clear_ephemeral_reply_and_records_nothing(string actionId, string title)
    {
        await _socket.SendAsync(SlackEnvelopes.BlockAction("env-forged", actionId, _slack.ResponseUrl("forged")));

        var reply = await _slack.CallAsync("respond");
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        Assert.Contains(title, reply.Arg("text"));
        Assert.Empty(_store.Answers);
    }

    [Fact]
    public async Task Answer_to_a_closed_question_is_refused_clearly()
    {
        await _socket.SendAsync(SlackEnvelopes.BlockAction("env-late", $"sb:a:{ClosedPost}:1:-1", _slack.ResponseUrl("late")));

        var reply = await _slack.CallAsync("respond");
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        Assert.Contains("Question closed", reply.Arg("text"));
        Assert.Empty(_store.Answers);
    }

    [Fact]
    public async Task Second_answer_is_refused_and_the_first_one_kept()
    {
        await _socket.SendAsync(SlackEnvelopes.BlockAction("env-first", $"sb:a:{OpenPost}:1:-1", _slack.ResponseUrl("first")));
        var first = await _slack.CallAsync("respond", c => c.Path.EndsWith("/first", StringComparison.Ordinal));
        await _socket.SendAsync(SlackEnvelopes.BlockAction("env-second", $"sb:a:{OpenPost}:0:-1", _slack.ResponseUrl("second")));
        var second = await _slack.CallAsync("respond", c => c.Path.EndsWith("/second", StringComparison.Ordinal));

        Assert.Contains("Answer recorded", first.Arg("text"));
        Assert.Contains("Already answered", second.Arg("text"));
        Assert.Equal("ephemeral", second.Arg("response_type"));
        var answer = Assert.Single(_store.Answers);
        Assert.Equal("1", answer.Choices);
    }

    [Fact]
    public async Task Redelivered_answer_is_recorded_once_and_answered_once()
    {
        var click = SlackEnvelopes.BlockAction("env-again", $"sb:a:{OpenPost}:1:-1", _slack.ResponseUrl("again"));
        await _socket.SendAsync(click);
        await _socket.AckAsync("env-again");
        await _socket.SendAsync(click);
        await _socket.Received.WaitForCountAsync(m => m.GetProperty("envelope_id").GetString() == "env-again", 2);

        await _slack.CallAsync("respond");
        await Task.Delay(200); // a second reply, if any, would show up here
        Assert.Single(_store.Answers);
        Assert.Equal(1, _slack.Calls.Count(c => c.Method == "respond"));
    }
}
