using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>
/// A daily post is marked with its post id in the message metadata; a resend after a crash looks for that mark in the
/// channel's history (since the reservation) and reuses the message instead of posting a second one.
/// </summary>
public sealed class DailyPostMetadataTests
{
    private const string Channel = "C0STUDY";
    private static readonly ChatMessage Question = new("Question of the day · EBS", "Which one?", [], [new ChatButton("sb:a:7:0:-1", "A. gp3")], "ebs-001");

    /// <summary>The fake Slack's ts are at 1700000000 (2023-11-14): a post reserved then.</summary>
    private static readonly DateTimeOffset ReservedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static DailyPostSend First(long postId) => new(postId, ReservedAt, IsResend: false);

    private static DailyPostSend Resend(long postId) => new(postId, ReservedAt, IsResend: true);

    [Fact]
    public async Task A_daily_post_carries_its_post_id_in_the_message_metadata()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        await host.Platform.PostDailyAsync(Channel, Question, First(7), default);
        await host.Platform.PostAsync(Channel, Question, default);

        var calls = slack.Calls.All.Where(c => c.Method == "chat.postMessage").ToList();
        var metadata = calls[0].Body.GetProperty("metadata");
        Assert.Equal("studybot_daily_post", metadata.GetProperty("event_type").GetString());
        Assert.Equal("7", metadata.GetProperty("event_payload").GetProperty("post_id").GetString());
        Assert.False(calls[1].Body.TryGetProperty("metadata", out _));
        // A first attempt has nothing to look for.
        Assert.DoesNotContain(slack.Calls.All, c => c.Method == "conversations.history");
    }

    [Fact]
    public async Task A_resend_finds_the_first_attempts_message_in_the_history_and_posts_nothing()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        var first = await host.Platform.PostDailyAsync(Channel, Question, First(7), default);
        await host.Platform.PostDailyAsync(Channel, Question, First(8), default);

        var resent = await host.Platform.PostDailyAsync(Channel, Question, Resend(7), default);

        Assert.Equal(first, resent);
        Assert.Equal(2, slack.ChannelMessages.Count);
        var history = await slack.CallAsync("conversations.history");
        Assert.Equal(Channel, history.Arg("channel"));
        Assert.Equal("true", history.Arg("include_all_metadata"));
        Assert.Equal("1699999700.000000", history.Arg("oldest"));
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", history.Authorization);
    }

    [Fact]
    public async Task A_resend_whose_first_attempt_never_reached_Slack_posts_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        // Another post's message in the channel is not this one.
        var other = await host.Platform.PostDailyAsync(Channel, Question, First(6), default);

        var resent = await host.Platform.PostDailyAsync(Channel, Question, Resend(7), default);

        Assert.NotEqual(other, resent);
        Assert.Equal(["6", "7"], slack.ChannelMessages.Select(m => m.Metadata!.Value.GetProperty("event_payload").GetProperty("post_id").GetString()));
    }

    [Fact]
    public async Task Without_the_history_scope_a_resend_posts_and_the_missing_scope_is_logged_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        var missingScope = new FakeResponse(200, new { ok = false, error = "missing_scope", needed = "channels:history", provided = "commands,chat:write" });
        slack.Script("conversations.history", missingScope, missingScope);
        await host.Platform.PostDailyAsync(Channel, Question, First(7), default);

        await host.Platform.PostDailyAsync(Channel, Question, Resend(7), default);
        await host.Platform.PostDailyAsync(Channel, Question, Resend(7), default);

        Assert.Equal(3, slack.ChannelMessages.Count);
        Assert.Equal(2, slack.Calls.Count(c => c.Method == "conversations.history"));
        var warnings = host.Logs.Entries.All.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("channels:history", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("groups:history", warning.Message, StringComparison.Ordinal);
        Assert.Contains("may appear twice", warning.Message, StringComparison.Ordinal);
        // Not logged a second time as a refusal to fix by the Web API client.
        Assert.DoesNotContain(host.Logs.Entries.All, e => e.Level == LogLevel.Error && e.Message.Contains("conversations.history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resend_pages_through_a_busy_channel_to_find_its_message()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox(), settings =>
        {
            settings["StudyBot:Slack:WorkspaceMessagesPerSecond"] = "100";
            settings["StudyBot:Slack:ChannelMessageInterval"] = "00:00:00.001";
        });
        var first = await host.Platform.PostDailyAsync(Channel, Question, First(7), default);
        // 250 later messages: the first attempt's is on the second page of 200, newest first.
        for (var i = 0; i < 250; i++) await host.Platform.PostAsync(Channel, Question, default);

        var resent = await host.Platform.PostDailyAsync(Channel, Question, Resend(7), default);

        Assert.Equal(first, resent);
        Assert.Equal(2, slack.Calls.Count(c => c.Method == "conversations.history"));
        Assert.Equal(251, slack.ChannelMessages.Count);
    }
}
