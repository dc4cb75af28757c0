using System.Text;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>Issue 13 on Slack: replies that replace the clicked message, DMs for reminders, files through the external upload.</summary>
public sealed class ReviewDeliveryTests
{
    private static readonly ChatMessage Reminder = new("3 cards are due", "Time to review.", [], [new ChatButton(ButtonIds.StartReview, "Start review")]);

    private static ChatReply NextCard() =>
        new(new ChatMessage("Correct · next card", "Which volume type?", [], [new ChatButton("sb:p:q2:0:-1", "A. gp3")]), true, ReplacesClicked: true);

    [Fact]
    public async Task A_replacing_reply_in_the_DM_replaces_the_reminder_and_the_click_is_not_an_admin()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox { OnClick = (_, _) => Task.FromResult(NextCard()) };
        await using var host = await SlackTestHost.StartAsync(slack, inbox, s => s["StudyBot:Slack:AdminUserIds:0"] = "U0ALICE");
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.BlockAction("env-dm", ButtonIds.StartReview, slack.ResponseUrl("dm"), channelId: "D0ALICE"));

        var (context, _) = await inbox.Clicks.WaitForAsync(_ => true);
        Assert.Equal(new ChannelAddress("slack", "D0ALICE"), context.Channel);
        Assert.False(context.IsAdmin);
        var reply = await slack.CallAsync("respond");
        Assert.Equal("true", reply.Arg("replace_original"));
        Assert.Contains("Correct", reply.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replacing_reply_never_replaces_a_channels_public_question()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox { OnClick = (_, _) => Task.FromResult(NextCard()) };
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.BlockAction("env-pub", "sb:p:q1:0:-1", slack.ResponseUrl("pub"), isEphemeral: false));

        var reply = await slack.CallAsync("respond");
        Assert.Equal("false", reply.Arg("replace_original"));
        Assert.Equal("ephemeral", reply.Arg("response_type"));
    }

    [Fact]
    public async Task A_direct_message_opens_the_DM_once_and_posts_there()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        Assert.Equal(DirectMessageResult.Sent, await host.Platform.SendDirectAsync("U0BOB", Reminder, CancellationToken.None));
        Assert.Equal(DirectMessageResult.Sent, await host.Platform.SendDirectAsync("U0BOB", Reminder, CancellationToken.None));

        Assert.Equal("U0BOB", Assert.Single(slack.Calls, c => c.Method == "conversations.open").Arg("users"));
        var posts = slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("DU0BOB", p.Arg("channel")));
        Assert.Contains(ButtonIds.StartReview, posts[0].Body.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conversations.open", "cannot_dm_bot")]
    [InlineData("conversations.open", "user_disabled")]
    [InlineData("chat.postMessage", "not_in_channel")]
    public async Task A_member_Slack_will_not_let_us_message_is_unreachable(string method, string error)
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script(method, FakeResponse.Error(error));
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        Assert.Equal(DirectMessageResult.Unreachable, await host.Platform.SendDirectAsync("U0GONE", Reminder, CancellationToken.None));
    }

    [Theory]
    [InlineData("conversations.open")]
    [InlineData("chat.postMessage")]
    public async Task An_unreachable_member_is_logged_once_as_information_naming_them_and_no_error(string method)
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script(method, FakeResponse.Error("cannot_dm_bot"), FakeResponse.Error("cannot_dm_bot"));
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        Assert.Equal(DirectMessageResult.Unreachable, await host.Platform.SendDirectAsync("U0GONE", Reminder, CancellationToken.None));
        Assert.Equal(DirectMessageResult.Unreachable, await host.Platform.SendDirectAsync("U0GONE", Reminder, CancellationToken.None));

        var line = Assert.Single(host.Logs.Entries.All, e => e.Message.Contains("U0GONE", StringComparison.Ordinal));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, line.Level);
        Assert.Contains($"{method}: cannot_dm_bot", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Entries.All, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.DoesNotContain(host.Logs.Entries.All, e => e.Text.Contains(SlackTestHost.BotToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_scope_is_not_mistaken_for_an_unreachable_member()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script("conversations.open", new FakeResponse(200, new { ok = false, error = "missing_scope", needed = "im:write" }));
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        await Assert.ThrowsAnyAsync<Exception>(() => host.Platform.SendDirectAsync("U0BOB", Reminder, CancellationToken.None));
    }

    [Fact]
    public async Task An_export_goes_through_the_external_upload_to_the_DM_and_the_reply_says_so()
    {
        await using var slack = await FakeSlack.StartAsync();
        var bytes = Encoding.UTF8.GetBytes("#separator:tab\nfront\tback\n");
        var inbox = new RecordingInbox
        {
            OnCommand = (_, _) => Task.FromResult(new ChatReply(ChatMessage.Text("Your export", "12 cards for Anki."), true,
                File: new ChatFile("studybot-export.txt", "text/plain", bytes))),
        };
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-exp", "export", slack.ResponseUrl("exp")));

        var reply = await slack.CallAsync("respond");
        var url = Assert.Single(slack.Calls, c => c.Method == "files.getUploadURLExternal");
        Assert.Equal(("studybot-export.txt", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), (url.Arg("filename"), url.Arg("length")));
        Assert.Equal(bytes, slack.Uploads["F0001"]);
        var complete = Assert.Single(slack.Calls, c => c.Method == "files.completeUploadExternal");
        Assert.Equal("DU0ALICE", complete.Arg("channel_id"));
        Assert.Contains("12 cards for Anki.", complete.Arg("initial_comment"), StringComparison.Ordinal);
        var file = complete.Body.GetProperty("files")[0];
        Assert.Equal("F0001", file.GetProperty("id").GetString());
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        Assert.Contains("direct messages", reply.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_upload_gets_a_clear_private_reply()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script("files.getUploadURLExternal", FakeResponse.Error("file_uploads_disabled"));
        var inbox = new RecordingInbox
        {
            OnCommand = (_, _) => Task.FromResult(new ChatReply(ChatMessage.Text("Your export", "12 cards."), true,
                File: new ChatFile("studybot-export.txt", "text/plain", [1, 2, 3]))),
        };
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-fail", "export", slack.ResponseUrl("fail")));

        var reply = await slack.CallAsync("respond");
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        Assert.Contains("File not sent", reply.Arg("text"), StringComparison.Ordinal);
        Assert.DoesNotContain(slack.Calls, c => c.Method == "files.completeUploadExternal");
    }
}
