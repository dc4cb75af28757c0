using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class SecretsTests
{
    [Fact]
    public async Task Tokens_socket_tickets_and_response_urls_never_reach_the_logs()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using (var host = await SlackTestHost.StartAsync(slack, inbox))
        {
            var socket = await slack.NextSocketAsync();
            await socket.SendAsync(SlackEnvelopes.SlashCommand("env-1", "help", slack.ResponseUrl("secret-path-1")));
            await socket.SendAsync(SlackEnvelopes.BlockAction("env-2", "sb:a:1:0:-1", slack.ResponseUrl("secret-path-2")));
            await slack.CallAsync("respond");
            slack.Script("chat.postMessage", FakeResponse.RateLimited(0), FakeResponse.Error("not_in_channel"));
            await Assert.ThrowsAnyAsync<Exception>(() => host.Platform.PostAsync("C0STUDY", ChatMessage.Text("t", "b"), CancellationToken.None));
            slack.Script("respond", new FakeResponse(410, new { ok = false, error = "used_url" }));
            await socket.SendAsync(SlackEnvelopes.BlockAction("env-3", "sb:a:1:0:-1", slack.ResponseUrl("secret-path-3")));
            await slack.CallAsync("chat.postEphemeral");
            await socket.SendDisconnectAsync("refresh_requested");
            await host.Logs.WaitForAsync(LogLevel.Information, "#2 is live");

            var logged = string.Join('\n', host.Logs.Entries.All.Select(e => e.Message + e.Exception));
            Assert.Contains("Opening Socket Mode connection #2 to 127.0.0.1", logged);
            Assert.DoesNotContain(SlackTestHost.AppToken, logged);
            Assert.DoesNotContain(SlackTestHost.BotToken, logged);
            Assert.DoesNotContain("secret", logged);
            Assert.DoesNotContain("ticket", logged);
        }
    }
}
