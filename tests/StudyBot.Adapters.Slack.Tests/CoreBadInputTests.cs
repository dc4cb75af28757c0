using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Commands;
using StudyBot.Core.Content;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Suggestions;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>Bad input through Slack into the real core (SQLite storage in a temp folder): a clear private reply, nothing recorded twice.</summary>
public sealed class CoreBadInputTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private SqlitePostStore _posts = null!;
    private long _openPost;
    private long _closedPost;
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;
    private FakeSocket _socket = null!;

    public async Task InitializeAsync()
    {
        var question = new Question("ebs-001", "ebs", QuestionKind.SingleChoice, LocalizedText.Of(Language.En, "Default EBS type?"),
            [LocalizedText.Of(Language.En, "gp2"), LocalizedText.Of(Language.En, "gp3")], new HashSet<int> { 1 },
            LocalizedText.Of(Language.En, "gp3."), null, null, new SourceLocation("q.yaml", 1));
        var catalog = new ContentCatalog([new ContentPack("test", LocalizedText.Of(Language.En, "Test"), Language.En, [], [question])]);
        var database = new SqliteDatabase(_dir.File("bot.db"));
        database.Migrate();
        var channels = new SqliteChannelStore(database);
        var users = new SqliteUserStore(database);
        _posts = new SqlitePostStore(database);
        var channel = await channels.GetOrAddAsync(new ChannelAddress("slack", "C0STUDY"), default);
        await channels.UpdateAsync(channel with { Enabled = true, TimeZoneId = "Asia/Seoul", PackId = "test" }, default);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var (closed, _) = await _posts.ReserveAsync(new NewPost(channel.Id, "test", "ebs-001", today.AddDays(-1), now.AddHours(-3), now.AddHours(-2)), default);
        await _posts.SetMessageIdAsync(closed.Id, "1.2", default);
        await _posts.CloseAsync(closed.Id, now.AddHours(-2), default);
        var (open, _) = await _posts.ReserveAsync(new NewPost(channel.Id, "test", "ebs-001", today, now.AddHours(-1), now.AddHours(1)), default);
        await _posts.SetMessageIdAsync(open.Id, "1.1", default);
        (_openPost, _closedPost) = (open.Id, closed.Id);

        var reviews = new CardReviews(Options.Create(new ReviewOptions()), new Random(1));
        var stats = new SqliteStatsQueries(database);
        var unrevealed = new UnrevealedAnswers(_posts);
        var inbox = new StudyInbox(
            [new HelpCommand()],
            new AnswerDesk(channels, _posts, catalog, reviews, TimeProvider.System),
            new PracticeDesk(channels, users, stats, new SqlitePracticeStore(database), catalog, reviews, TimeProvider.System, new Random(1), unrevealed),
            new ReviewDesk(channels, users, stats, new SqliteReviewStore(database), catalog, reviews, Options.Create(new ReviewOptions()), TimeProvider.System, new Random(1), unrevealed),
            Suggestions(database, channels, catalog),
            catalog,
            NullLogger<StudyInbox>.Instance);
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack, inbox);
        _socket = await _slack.NextSocketAsync();
    }

    private static SuggestionDesk Suggestions(SqliteDatabase database, SqliteChannelStore channels, ContentCatalog catalog)
    {
        var store = new SqliteSuggestionStore(database);
        return new SuggestionDesk(store, channels, catalog, new SuggestionPool(store, channels, catalog), new SuggestionDrafts(TimeProvider.System),
            new ChatPlatforms([]), TimeProvider.System, NullLogger<SuggestionDesk>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Answers stored on both posts.</summary>
    private async Task<int> AnsweredAsync() =>
        (await _posts.ResultsAsync(_openPost, default)).Answered + (await _posts.ResultsAsync(_closedPost, default)).Answered;

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
    [InlineData("sb:a:{open}:9:-1", "Unknown choice")]
    [InlineData("<script>", "Unknown choice")]
    [InlineData("sb:a:999:0:-1", "Unknown question")]
    public async Task Forged_or_unknown_button_gets_a_clear_ephemeral_reply_and_records_nothing(string actionId, string title)
    {
        actionId = actionId.Replace("{open}", _openPost.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await _socket.SendAsync(SlackEnvelopes.BlockAction("env-forged", actionId, _slack.ResponseUrl("forged")));

        var reply = await _slack.CallAsync("respond");
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        Assert.Contains(title, reply.Arg("text"));
        Assert.Equal(0, await AnsweredAsync());
    }

    [Fact]
    public async Task Answer_to_a_closed_question_is_refused_clearly()
    {
        await _socket.SendAsync(SlackEnvelopes.BlockAction("env-late", $"sb:a:{_closedPost}:1:-1", _slack.ResponseUrl("late")));

        var reply = await _slack.CallAsync("respond");
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        Assert.Contains("Question closed", reply.Arg("text"));
        Assert.Equal(0, await AnsweredAsync());
    }

    [Fact]
    public async Task Second_answer_is_refused_and_the_first_one_kept()
    {
        await _socket.SendAsync(SlackEnvelopes.BlockAction("env-first", $"sb:a:{_openPost}:1:-1", _slack.ResponseUrl("first")));
        var first = await _slack.CallAsync("respond", c => c.Path.EndsWith("/first", StringComparison.Ordinal));
        await _socket.SendAsync(SlackEnvelopes.BlockAction("env-second", $"sb:a:{_openPost}:0:-1", _slack.ResponseUrl("second")));
        var second = await _slack.CallAsync("respond", c => c.Path.EndsWith("/second", StringComparison.Ordinal));

        Assert.Contains("Answer recorded", first.Arg("text"));
        Assert.Contains("Already answered", second.Arg("text"));
        Assert.Equal("ephemeral", second.Arg("response_type"));
        var results = await _posts.ResultsAsync(_openPost, default);
        Assert.Equal((1, 1), (results.Answered, results.ChoiceCounts[1]));
    }

    [Fact]
    public async Task Redelivered_answer_is_recorded_once_and_answered_once()
    {
        var click = SlackEnvelopes.BlockAction("env-again", $"sb:a:{_openPost}:1:-1", _slack.ResponseUrl("again"));
        await _socket.SendAsync(click);
        await _socket.AckAsync("env-again");
        await _socket.SendAsync(click);
        await _socket.Received.WaitForCountAsync(m => m.GetProperty("envelope_id").GetString() == "env-again", 2);

        await _slack.CallAsync("respond");
        await Task.Delay(200); // a second reply, if any, would show up here
        Assert.Equal(1, await AnsweredAsync());
        Assert.Equal(1, _slack.Calls.Count(c => c.Method == "respond"));
    }
}
