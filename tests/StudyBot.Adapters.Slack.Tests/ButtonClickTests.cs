using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class ButtonClickTests
{
    [Fact]
    public async Task Click_is_acked_only_after_the_core_returns_and_answered_ephemerally()
    {
        await using var slack = await FakeSlack.StartAsync();
        var committed = new TaskCompletionSource();
        var inbox = new RecordingInbox
        {
            OnClick = async (_, _) =>
            {
                await committed.Task;
                return ChatReply.Private("Answer recorded", "Your answer **B** is in.");
            },
        };
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.BlockAction("env-click", "sb:a:42:1:-1", slack.ResponseUrl("click")));
        var (context, buttonId) = await inbox.Clicks.WaitForAsync(_ => true);
        await Task.Delay(200);
        Assert.Equal(0, socket.AckCount("env-click"));

        committed.SetResult();
        var ack = await socket.AckAsync("env-click");
        Assert.False(ack.TryGetProperty("payload", out _));
        Assert.Equal("sb:a:42:1:-1", buttonId);
        Assert.Equal(new ChannelAddress("slack", "C0STUDY"), context.Channel);
        Assert.Equal(new ChatUser("slack", "U0ALICE", "alice"), context.User);

        var reply = await slack.CallAsync("respond");
        Assert.EndsWith("/respond/click", reply.Path, StringComparison.Ordinal);
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        Assert.Equal("false", reply.Arg("replace_original"));
        Assert.Contains("Your answer *B* is in.", reply.Arg("text"));
        Assert.Equal(0, slack.Calls.Count(c => c.Method is "chat.postMessage" or "chat.update"));
    }

    [Fact]
    public async Task Click_on_an_ephemeral_message_replaces_it()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox
        {
            OnClick = (_, _) => Task.FromResult(new ChatReply(
                new ChatMessage("You picked A. Now pick one more.", "This question needs two answers.", [], [new ChatButton("sb:a:42:2:0", "C. io2")]), true)),
        };
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.BlockAction("env-eph", "sb:p:q1:0:-1", slack.ResponseUrl("eph"), isEphemeral: true));

        var reply = await slack.CallAsync("respond");
        Assert.Equal("true", reply.Arg("replace_original"));
        var actions = reply.Body.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions");
        Assert.Equal("sb:a:42:2:0", actions.GetProperty("elements")[0].GetProperty("action_id").GetString());
    }

    [Fact]
    public async Task Click_without_response_url_is_answered_with_chat_postEphemeral()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox { Posts = { [42] = "C0STUDY" } });
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.BlockAction("env-nourl", "sb:a:42:1:-1", responseUrl: ""));

        var ephemeral = await slack.CallAsync("chat.postEphemeral");
        Assert.Equal("C0STUDY", ephemeral.Arg("channel"));
        Assert.Equal("U0ALICE", ephemeral.Arg("user"));
        Assert.Contains("Answer recorded", ephemeral.Arg("text"));
    }

    [Fact]
    public async Task Expired_response_url_falls_back_to_chat_postEphemeral()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script("respond", new FakeResponse(404, new { ok = false, error = "expired_url" }));
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.BlockAction("env-expired", "sb:a:42:1:-1", slack.ResponseUrl("old")));

        var ephemeral = await slack.CallAsync("chat.postEphemeral");
        Assert.Equal("U0ALICE", ephemeral.Arg("user"));
        await host.Logs.WaitForAsync(Microsoft.Extensions.Logging.LogLevel.Warning, "response URLs expire");
    }
}
