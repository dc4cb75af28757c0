using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class SlackSetupTests
{
    [Fact]
    public void Without_tokens_nothing_is_registered()
    {
        var builder = SlackTestHost.Builder(new Dictionary<string, string?>(), new RecordingInbox(), new TestLogs());

        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(IChatPlatform));
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public void With_both_tokens_the_platform_is_named_slack()
    {
        using var host = ((HostApplicationBuilder)SlackTestHost.Builder(Tokens(SlackTestHost.AppToken, SlackTestHost.BotToken), new RecordingInbox(), new TestLogs())).Build();

        Assert.Equal("slack", Assert.Single(host.Services.GetServices<IChatPlatform>()).Name);
    }

    [Fact]
    public async Task Missing_bot_token_fails_at_start_naming_the_setting()
    {
        var message = await StartFailureAsync(Tokens(SlackTestHost.AppToken, null));

        Assert.Contains("StudyBot:Slack:BotToken", message);
        Assert.Contains("StudyBot__Slack__BotToken", message);
        Assert.Contains("is missing", message);
        Assert.DoesNotContain(SlackTestHost.AppToken, message);
    }

    [Fact]
    public async Task Missing_app_token_fails_at_start_naming_the_setting()
    {
        var message = await StartFailureAsync(Tokens(null, SlackTestHost.BotToken));

        Assert.Contains("StudyBot:Slack:AppToken", message);
        Assert.Contains("connections:write", message);
    }

    [Fact]
    public async Task Swapped_tokens_fail_at_start_without_echoing_them()
    {
        var message = await StartFailureAsync(Tokens(SlackTestHost.BotToken, SlackTestHost.AppToken));

        Assert.Contains("StudyBot:Slack:AppToken (environment StudyBot__Slack__AppToken) does not start with xapp-", message);
        Assert.Contains("StudyBot:Slack:BotToken (environment StudyBot__Slack__BotToken) does not start with xoxb-", message);
        Assert.DoesNotContain(SlackTestHost.AppToken, message);
        Assert.DoesNotContain(SlackTestHost.BotToken, message);
    }

    [Fact]
    public async Task Ack_deadline_beyond_Slacks_3_s_is_rejected()
    {
        var settings = Tokens(SlackTestHost.AppToken, SlackTestHost.BotToken);
        settings["StudyBot:Slack:AckDeadline"] = "00:00:05";

        var message = await StartFailureAsync(settings);

        Assert.Contains("StudyBot:Slack:AckDeadline", message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public async Task Workspace_message_rate_outside_1_to_100_is_rejected_naming_the_setting(string perSecond)
    {
        var settings = Tokens(SlackTestHost.AppToken, SlackTestHost.BotToken);
        settings["StudyBot:Slack:WorkspaceMessagesPerSecond"] = perSecond;

        var message = await StartFailureAsync(settings);

        Assert.Contains("StudyBot:Slack:WorkspaceMessagesPerSecond (environment StudyBot__Slack__WorkspaceMessagesPerSecond) must be between 1 and 100", message);
    }

    private static Dictionary<string, string?> Tokens(string? app, string? bot) => new()
    {
        ["StudyBot:Slack:AppToken"] = app,
        ["StudyBot:Slack:BotToken"] = bot,
        ["StudyBot:Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
    };

    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        using var host = ((HostApplicationBuilder)SlackTestHost.Builder(settings, new RecordingInbox(), new TestLogs())).Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return error.Message;
    }
}
