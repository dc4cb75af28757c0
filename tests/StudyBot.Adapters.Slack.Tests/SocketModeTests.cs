using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class SocketModeTests
{
    [Fact]
    public async Task Slash_command_after_hello_is_answered_in_the_ack_payload_within_3_s()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox { OnCommand = (_, line) => Task.FromResult(ChatReply.Private("Done", $"ran **{line}**")) };
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();
        await host.Logs.WaitForAsync(LogLevel.Information, "is live");

        var clock = Stopwatch.StartNew();
        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-1", "topic ebs", slack.ResponseUrl("r1")));
        var ack = await socket.AckAsync("env-1");
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"ack took {clock.Elapsed}");
        var (context, line) = Assert.Single(inbox.Commands.All);
        Assert.Equal("topic ebs", line);
        Assert.Equal(new ChannelAddress("slack", "C0STUDY"), context.Channel);
        Assert.Equal("U0ALICE", context.User.UserId);
        var payload = ack.GetProperty("payload");
        Assert.Equal("ephemeral", payload.GetProperty("response_type").GetString());
        Assert.Contains("*topic ebs*", payload.GetProperty("text").GetString());
        Assert.Equal("header", payload.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Equal(0, slack.Calls.Count(c => c.Method == "respond"));
    }

    [Fact]
    public async Task Connection_counts_as_live_only_after_hello_and_num_connections_is_logged()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.HoldHello = true;
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        var socket = await slack.NextSocketAsync();
        await slack.CallAsync("apps.connections.open");

        Assert.Equal(0, host.Logs.Entries.Count(e => e.Message.Contains("is live", StringComparison.Ordinal)));
        await socket.SendAsync(SlackEnvelopes.Hello(numConnections: 2));

        var live = await host.Logs.WaitForAsync(LogLevel.Information, "is live");
        Assert.Contains("2 connection(s)", live.Message);
        // Two connections but only one is ours: another process takes part of the events.
        var warning = await host.Logs.WaitForAsync(LogLevel.Warning, "another process uses the same app token");
        Assert.Contains("StudyBot holds 1", warning.Message);
    }

    [Fact]
    public async Task Slow_command_is_acked_before_the_deadline_and_answered_through_response_url()
    {
        await using var slack = await FakeSlack.StartAsync();
        var release = new TaskCompletionSource();
        var inbox = new RecordingInbox
        {
            OnCommand = async (_, _) =>
            {
                await release.Task;
                return ChatReply.Public(ChatMessage.Text("Leaderboard", "🥇 **alice** — 30 pts"));
            },
        };
        await using var host = await SlackTestHost.StartAsync(slack, inbox, s => s["StudyBot:Slack:AckDeadline"] = "00:00:00.200");
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-slow", "leaderboard", slack.ResponseUrl("slow")));
        var ack = await socket.AckAsync("env-slow", TimeSpan.FromSeconds(3));
        Assert.False(ack.TryGetProperty("payload", out _));

        release.SetResult();
        var reply = await slack.CallAsync("respond", c => c.Path.EndsWith("/slow", StringComparison.Ordinal));
        Assert.Equal("in_channel", reply.Arg("response_type"));
        Assert.Contains("*alice*", reply.Arg("text"));
        Assert.Equal(1, socket.AckCount("env-slow"));
    }

    [Fact]
    public async Task Same_envelope_delivered_twice_is_handled_once_and_acked_both_times()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.BlockAction("env-dup", "sb:a:42:1:-1", slack.ResponseUrl("d1")));
        await socket.SendAsync(SlackEnvelopes.BlockAction("env-dup", "sb:a:42:1:-1", slack.ResponseUrl("d2"), retryAttempt: 1));

        await socket.Received.WaitForCountAsync(m => m.GetProperty("envelope_id").GetString() == "env-dup", 2);
        await slack.CallAsync("respond");
        await Task.Delay(200); // a second handling, if any, would show up here
        Assert.Single(inbox.Clicks.All);
        Assert.Equal(1, slack.Calls.Count(c => c.Method == "respond"));
        await host.Logs.WaitForAsync(LogLevel.Information, "again (retry 1)");
    }

    [Fact]
    public async Task Non_JSON_frame_is_ignored_and_the_connection_kept()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync("this is not json {");
        await socket.SendAsync("[1, 2, 3]");
        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-after", "stats", slack.ResponseUrl("r")));

        var ack = await socket.AckAsync("env-after");
        Assert.Equal(JsonValueKind.Object, ack.GetProperty("payload").ValueKind);
        Assert.Equal("stats", Assert.Single(inbox.Commands.All).Line);
        Assert.Equal(1, slack.ConnectionsOpened);
        Assert.False(socket.Closed.IsCompleted);
    }

    [Fact]
    public async Task Malformed_and_unused_envelopes_are_acked_without_reaching_the_core()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.Raw("env-no-user", "interactive", new { type = "block_actions", actions = Array.Empty<object>() }));
        await socket.SendAsync(SlackEnvelopes.Raw("env-no-channel", "slash_commands", new { user_id = "U0ALICE", text = "help" }));
        await socket.SendAsync(SlackEnvelopes.Raw("env-event", "events_api", new { @event = new { type = "app_mention" } }));
        await socket.SendAsync(SlackEnvelopes.Raw("env-view", "interactive", new { type = "view_submission" }));

        foreach (var id in new[] { "env-no-user", "env-no-channel", "env-event", "env-view" })
            Assert.False((await socket.AckAsync(id)).TryGetProperty("payload", out _));
        Assert.Empty(inbox.Commands.All);
        Assert.Empty(inbox.Clicks.All);
        await host.Logs.WaitForAsync(LogLevel.Warning, "malformed button click");
        Assert.Equal(1, slack.ConnectionsOpened);
    }
}
