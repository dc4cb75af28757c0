using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Slack.Bot.Interactions;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;

namespace StudyBot.Adapters.Slack.Tests.Conformance;

/// <summary>Web API responses recorded by Slack's Java SDK, served by the fake Slack and read by the bot's own calls.</summary>
public sealed class RecordedWebApiTests
{
    /// <summary>Each field the bot reads from a response, by method: the recorded response must have it, under that name.</summary>
    public static TheoryData<string, string> FieldsTheBotReads() => new()
    {
        { "auth.test", "team" },
        { "auth.test", "user" },
        { "apps.connections.open", "url" },
        { "chat.postMessage", "ts" },
        { "users.info", "user.name" },
        { "users.info", "user.real_name" },
        { "users.info", "user.locale" },
        { "users.info", "user.is_admin" },
        { "users.info", "user.is_owner" },
        { "users.info", "user.is_primary_owner" },
        { "users.info", "user.profile.display_name" },
        { "users.info", "user.profile.real_name" },
        { "chat.update", "ok" },
        { "chat.postEphemeral", "ok" },
    };

    [Theory]
    [MemberData(nameof(FieldsTheBotReads))]
    public void Every_field_the_bot_reads_is_in_Slacks_recorded_response(string method, string path)
    {
        var node = RecordedPayloads.Element($"WebApi/{method}.json");
        foreach (var name in path.Split('.'))
            Assert.True(node.TryGetProperty(name, out node), $"{method} has no {path}");
    }

    [Theory]
    [InlineData("auth.test")]
    [InlineData("apps.connections.open")]
    [InlineData("chat.postMessage")]
    [InlineData("chat.update")]
    [InlineData("chat.postEphemeral")]
    [InlineData("users.info")]
    [InlineData("pins.add")]
    [InlineData("pins.remove")]
    public async Task The_fake_Slack_answers_only_with_fields_Slack_sends(string method)
    {
        await using var slack = await FakeSlack.StartAsync();
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(slack.ApiBaseUrl, method), JsonContent.Create(new { channel = "C0STUDY", ts = "1.2", user = "U0ALICE" }));
        var fake = await response.Content.ReadFromJsonAsync<JsonElement>();

        AssertSubset(RecordedPayloads.Element($"WebApi/{method}.json"), fake, method);
    }

    [Fact]
    public async Task Recorded_auth_test_and_connections_open_sign_in_and_connect()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script("auth.test", new FakeResponse(200, RecordedPayloads.Success("WebApi/auth.test.json")));
        slack.Script("apps.connections.open", new FakeResponse(200, RecordedPayloads.Success("WebApi/apps.connections.open.json",
            body => body["url"] = new UriBuilder(slack.BaseUrl) { Scheme = "ws", Path = "socket/1", Query = "ticket=recorded" }.Uri.ToString())));
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        await slack.NextSocketAsync();

        Assert.Equal(["auth.test", "apps.connections.open"], slack.Calls.All.Select(c => c.Method).Take(2));
        Assert.False(host.Adapters.Failures.ContainsKey("slack"));
    }

    [Fact]
    public async Task Recorded_post_and_update_give_the_message_ts()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        slack.Script("chat.postMessage", new FakeResponse(200, RecordedPayloads.Success("WebApi/chat.postMessage.json")));
        slack.Script("chat.update", new FakeResponse(200, RecordedPayloads.Success("WebApi/chat.update.json")));

        var ts = await host.Platform.PostAsync("C00000000", ChatMessage.Text("Question", "Body"), CancellationToken.None);
        await host.Platform.EditAsync("C00000000", ts, ChatMessage.Text("Answer", "Body"), CancellationToken.None);

        Assert.Equal("0000000000.000000", ts);
        Assert.Equal(ts, (await slack.CallAsync("chat.update")).Arg("ts"));
    }

    [Fact]
    public async Task A_recorded_user_gives_name_admin_and_language()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        slack.Script("users.info", new FakeResponse(200, RecordedPayloads.Success("WebApi/users.info.json", body =>
        {
            var user = body["user"]!.AsObject();
            user["is_owner"] = true;
            user["locale"] = "ko-KR";
            user["profile"]!["display_name"] = "민지";
        })));

        var context = await host.Services.GetRequiredService<SlackUserDirectory>().ContextAsync("C0STUDY", "U00000000", "minji", CancellationToken.None);

        Assert.Equal(("민지", true, Language.Ko), (context.User.DisplayName, context.IsAdmin, context.Language));
        Assert.Equal("true", (await slack.CallAsync("users.info")).Arg("include_locale"));
    }

    [Theory]
    [InlineData("error.channel_not_found", "channel_not_found", "C0GONE")]
    [InlineData("error.missing_scope", "missing_scope", "chat:write.public")]
    public async Task A_recorded_error_body_becomes_an_error_that_names_the_fix(string file, string error, string mentioned)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        slack.Script("chat.postMessage", new FakeResponse(200, RecordedPayloads.Node($"WebApi/{file}.json")));

        var refused = await Assert.ThrowsAsync<SlackApiException>(() => host.Platform.PostAsync("C0GONE", ChatMessage.Text("t", "b"), CancellationToken.None));

        Assert.Equal(error, refused.Error);
        Assert.Contains(mentioned, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_retried()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        slack.Script("chat.postMessage", new FakeResponse(429, RecordedPayloads.Node("WebApi/429.ratelimited.json"), RetryAfterSeconds: 1));

        var ts = await host.Platform.PostAsync("C0STUDY", ChatMessage.Text("t", "b"), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(ts));
        Assert.Equal(2, slack.Calls.Count(c => c.Method == "chat.postMessage"));
    }

    private static void AssertSubset(JsonElement recorded, JsonElement fake, string path)
    {
        if (fake.ValueKind != JsonValueKind.Object || recorded.ValueKind != JsonValueKind.Object) return;
        foreach (var property in fake.EnumerateObject())
        {
            Assert.True(recorded.TryGetProperty(property.Name, out var real), $"the fake's {path}.{property.Name} is not in Slack's recorded response");
            AssertSubset(real, property.Value, $"{path}.{property.Name}");
        }
    }
}
