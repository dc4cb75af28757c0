using StudyBot.Adapters.Common;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class FatalErrorTests
{
    [Fact]
    public async Task Link_disabled_stops_the_adapter_with_a_clear_message_and_no_reconnect()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        var socket = await slack.NextSocketAsync();
        await host.Logs.WaitForAsync(LogLevel.Information, "#1 is live");

        await socket.SendDisconnectAsync("link_disabled");

        await host.Logs.WaitForAsync(LogLevel.Critical, "The slack adapter stopped");
        var reason = host.Adapters.Failures["slack"];
        Assert.Contains("link_disabled", reason);
        Assert.Contains("Socket Mode", reason);
        Assert.False(host.Adapters.IsRunning("slack"));
        await socket.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, slack.ConnectionsOpened);
        var post = await Assert.ThrowsAsync<AdapterStoppedException>(() => host.Platform.PostAsync("C0STUDY", ChatMessage.Text("t", "b"), CancellationToken.None));
        Assert.Contains("link_disabled", post.Message);
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    [InlineData("not_allowed_token_type")]
    public async Task Rejected_app_token_stops_with_a_message_naming_the_setting(string error)
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script("apps.connections.open", FakeResponse.Error(error));
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        await host.Logs.WaitForAsync(LogLevel.Critical, "The slack adapter stopped");
        var reason = host.Adapters.Failures["slack"];
        Assert.Contains("StudyBot:Slack:AppToken", reason);
        Assert.Contains("StudyBot__Slack__AppToken", reason);
        Assert.Contains(error, reason);
        Assert.DoesNotContain(SlackTestHost.AppToken, reason);
        Assert.Equal(1, slack.Calls.Count(c => c.Method == "apps.connections.open"));
    }

    [Fact]
    public async Task App_token_without_connections_write_scope_stops_naming_the_scope()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script("apps.connections.open", new FakeResponse(200, new { ok = false, error = "missing_scope", needed = "connections:write" }));
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        await host.Logs.WaitForAsync(LogLevel.Critical, "The slack adapter stopped");
        var reason = host.Adapters.Failures["slack"];
        Assert.Contains("connections:write", reason);
        Assert.Contains("StudyBot:Slack:AppToken", reason);
    }

    [Fact]
    public async Task Rejected_bot_token_stops_at_start_with_a_message_naming_the_setting()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script("auth.test", FakeResponse.Error("invalid_auth"));
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        await host.Logs.WaitForAsync(LogLevel.Critical, "The slack adapter stopped");
        var reason = host.Adapters.Failures["slack"];
        Assert.Contains("StudyBot:Slack:BotToken", reason);
        Assert.Contains("invalid_auth", reason);
        Assert.DoesNotContain(SlackTestHost.BotToken, reason);
        Assert.Equal(0, slack.Calls.Count(c => c.Method == "apps.connections.open"));
    }

    [Fact]
    public async Task Bot_token_revoked_while_running_stops_the_adapter()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        await host.Logs.WaitForAsync(LogLevel.Information, "#1 is live");
        slack.Script("chat.postMessage", FakeResponse.Error("token_revoked"));

        await Assert.ThrowsAsync<Client.WebApi.SlackApiException>(() => host.Platform.PostAsync("C0STUDY", ChatMessage.Text("t", "b"), CancellationToken.None));

        await host.Logs.WaitForAsync(LogLevel.Critical, "The slack adapter stopped");
        Assert.Contains("StudyBot:Slack:BotToken", host.Adapters.Failures["slack"]);
    }
}
