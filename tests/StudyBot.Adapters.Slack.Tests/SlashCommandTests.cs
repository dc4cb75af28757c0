using StudyBot.Core.Content;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class SlashCommandTests
{
    [Fact]
    public async Task Study_text_reaches_the_core_as_a_command_line()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-1", "setup 09:00 Asia/Seoul", slack.ResponseUrl("1")));
        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-2", "", slack.ResponseUrl("2")));
        await socket.AckAsync("env-1");
        await socket.AckAsync("env-2");

        Assert.Equal(["help", "study setup 09:00 Asia/Seoul"], inbox.Commands.All.Select(c => c.Line).Order());
    }

    [Fact]
    public async Task Configured_admin_user_ids_are_admins_and_others_are_not()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox, s => s["StudyBot:Slack:AdminUserIds:0"] = "U0BOSS, U0DEPUTY");
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-boss", "now", slack.ResponseUrl("1"), userId: "U0DEPUTY"));
        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-alice", "now", slack.ResponseUrl("2"), userId: "U0ALICE"));
        await socket.AckAsync("env-boss");
        await socket.AckAsync("env-alice");

        Assert.True(inbox.Commands.All.Single(c => c.Context.User.UserId == "U0DEPUTY").Context.IsAdmin);
        Assert.False(inbox.Commands.All.Single(c => c.Context.User.UserId == "U0ALICE").Context.IsAdmin);
    }

    [Fact]
    public async Task Workspace_admin_is_an_admin_with_their_name_and_locale_and_the_lookup_is_cached()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Users["U0OWNER"] = new { id = "U0OWNER", name = "minji", is_admin = false, is_owner = true, locale = "ko-KR", profile = new { display_name = "민지", real_name = "Kim Minji" } };
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-1", "stop", slack.ResponseUrl("1"), userId: "U0OWNER"));
        await socket.AckAsync("env-1");
        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-2", "close", slack.ResponseUrl("2"), userId: "U0OWNER"));
        await socket.AckAsync("env-2");

        Assert.All(inbox.Commands.All, c =>
        {
            Assert.True(c.Context.IsAdmin);
            Assert.Equal(Language.Ko, c.Context.Language);
            Assert.Equal("민지", c.Context.User.DisplayName);
        });
        var lookup = Assert.Single(slack.Calls.All, c => c.Method == "users.info");
        Assert.Equal("U0OWNER", lookup.Arg("user"));
        Assert.Equal("true", lookup.Arg("include_locale"));
    }

    [Fact]
    public async Task Workspace_admins_are_not_admins_when_turned_off()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Users["U0ADMIN"] = new { id = "U0ADMIN", name = "admin", is_admin = true };
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox, s => s["StudyBot:Slack:WorkspaceAdminsAreAdmins"] = "false");
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-1", "now", slack.ResponseUrl("1"), userId: "U0ADMIN"));
        await socket.AckAsync("env-1");

        Assert.False(Assert.Single(inbox.Commands.All).Context.IsAdmin);
    }

    [Fact]
    public async Task Without_users_read_scope_the_user_is_no_admin_and_the_log_names_the_scope()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Users["U0ADMIN"] = new { id = "U0ADMIN", name = "admin", is_admin = true };
        slack.Script("users.info", new FakeResponse(200, new { ok = false, error = "missing_scope", needed = "users:read" }));
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox, s => s["StudyBot:Slack:DefaultLanguage"] = "ko");
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(SlackEnvelopes.SlashCommand("env-1", "now", slack.ResponseUrl("1"), userId: "U0ADMIN"));
        var ack = await socket.AckAsync("env-1");

        var (context, _) = Assert.Single(inbox.Commands.All);
        Assert.False(context.IsAdmin);
        Assert.Equal(Language.Ko, context.Language);
        Assert.Equal("alice", context.User.DisplayName);
        Assert.True(ack.TryGetProperty("payload", out _));
        await host.Logs.WaitForAsync(Microsoft.Extensions.Logging.LogLevel.Error, "users:read");
    }
}
