using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class ReconnectTests
{
    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task Disconnect_notice_replaces_the_socket_make_before_break_and_loses_no_envelope(string reason)
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var first = await slack.NextSocketAsync();
        await host.Logs.WaitForAsync(LogLevel.Information, "#1 is live");

        slack.HoldHello = true;
        await first.SendAsync(SlackEnvelopes.SlashCommand("env-a", "topic ebs", slack.ResponseUrl("a")));
        await first.SendDisconnectAsync(reason);
        var second = await slack.NextSocketAsync();

        // Until the new socket says hello, the old one stays open and keeps working.
        await first.SendAsync(SlackEnvelopes.BlockAction("env-b", "sb:a:42:0:-1", slack.ResponseUrl("b")));
        await first.AckAsync("env-b");
        await Task.Delay(300);
        Assert.False(first.Closed.IsCompleted, "the old socket closed before the new one said hello");

        await second.SendHelloAsync();
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(first.ClosedByBot);

        await second.SendAsync(SlackEnvelopes.SlashCommand("env-c", "stats", slack.ResponseUrl("c")));
        await second.AckAsync("env-c");

        Assert.Equal(1, first.AckCount("env-a"));
        Assert.Equal(1, first.AckCount("env-b"));
        Assert.Equal(0, second.AckCount("env-a") + second.AckCount("env-b"));
        Assert.Equal(["topic ebs", "stats"], inbox.Commands.All.Select(c => c.Line));
        Assert.Single(inbox.Clicks.All);
        Assert.Equal(2, slack.ConnectionsOpened);
    }

    [Fact]
    public async Task Old_socket_closes_only_after_its_in_flight_envelope_is_acked_with_its_reply()
    {
        await using var slack = await FakeSlack.StartAsync();
        var release = new TaskCompletionSource();
        var inbox = new RecordingInbox
        {
            OnCommand = async (_, line) =>
            {
                await release.Task;
                return ChatReply.Private("Done", line);
            },
        };
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var first = await slack.NextSocketAsync();
        await host.Logs.WaitForAsync(LogLevel.Information, "#1 is live");

        await first.SendAsync(SlackEnvelopes.SlashCommand("env-busy", "quiz", slack.ResponseUrl("busy")));
        await inbox.Commands.WaitForAsync(c => c.Line == "quiz");
        await first.SendDisconnectAsync("refresh_requested");
        await host.Logs.WaitForAsync(LogLevel.Information, "#2 is live");
        await Task.Delay(300);
        Assert.False(first.Closed.IsCompleted, "the old socket closed with an envelope still in flight");

        release.SetResult();
        var ack = await first.AckAsync("env-busy");
        Assert.Equal("ephemeral", ack.GetProperty("payload").GetProperty("response_type").GetString());
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, slack.Calls.Count(c => c.Method == "respond"));
    }

    [Fact]
    public async Task Socket_that_stops_answering_pings_is_replaced_by_the_watchdog()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.FreezeNextSocket = true;
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox, s =>
        {
            s["StudyBot:Slack:PingInterval"] = "00:00:00.100";
            s["StudyBot:Slack:PingTimeout"] = "00:00:00.300";
        });
        var frozen = await slack.NextSocketAsync();
        await host.Logs.WaitForAsync(LogLevel.Information, "#1 is live");

        var replacement = await slack.NextSocketAsync();
        await host.Logs.WaitForAsync(LogLevel.Information, "#2 is live");
        await host.Logs.WaitForAsync(LogLevel.Warning, "#1 ended (Died");

        await replacement.SendAsync(SlackEnvelopes.SlashCommand("env-1", "help", slack.ResponseUrl("r")));
        await replacement.AckAsync("env-1");
        Assert.Equal("help", Assert.Single(inbox.Commands.All).Line);
        Assert.NotEqual(frozen.Number, replacement.Number);
    }

    [Fact]
    public async Task Connection_without_hello_is_replaced_after_the_hello_timeout()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.NoHello = true;
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox(), s => s["StudyBot:Slack:HelloTimeout"] = "00:00:00.200");
        var silent = await slack.NextSocketAsync();
        slack.NoHello = false;

        await host.Logs.WaitForAsync(LogLevel.Warning, "said no hello within");
        await host.Logs.WaitForAsync(LogLevel.Information, "#2 is live");
        await silent.Closed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Socket_dropped_by_Slack_is_replaced()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var first = await slack.NextSocketAsync();
        await host.Logs.WaitForAsync(LogLevel.Information, "#1 is live");

        first.Abort();
        var second = await slack.NextSocketAsync();
        await second.SendAsync(SlackEnvelopes.SlashCommand("env-2", "stats", slack.ResponseUrl("r")));
        await second.AckAsync("env-2");
        Assert.Equal(2, slack.ConnectionsOpened);
    }

    [Fact]
    public async Task Too_many_websockets_backs_off_and_connects_again()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.HoldHello = true;
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        var refused = await slack.NextSocketAsync();
        slack.HoldHello = false;
        await refused.SendDisconnectAsync("too_many_websockets");

        var warning = await host.Logs.WaitForAsync(LogLevel.Warning, "too_many_websockets");
        Assert.Contains("backing off", warning.Message);
        await host.Logs.WaitForAsync(LogLevel.Information, "#2 is live");
        Assert.Null(host.Adapters.Failures.GetValueOrDefault("slack"));
    }

    [Fact]
    public async Task Rate_limited_connections_open_waits_Retry_After()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script("apps.connections.open", FakeResponse.RateLimited(seconds: 1));
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        await host.Logs.WaitForAsync(LogLevel.Information, "#1 is live");
        var opens = slack.Calls.All.Where(c => c.Method == "apps.connections.open").ToList();
        Assert.Equal(2, opens.Count);
        Assert.True(opens[1].At - opens[0].At >= TimeSpan.FromSeconds(0.9), $"retried after {opens[1].At - opens[0].At}");
        await host.Logs.WaitForAsync(LogLevel.Warning, "rate-limited apps.connections.open");
    }
}
