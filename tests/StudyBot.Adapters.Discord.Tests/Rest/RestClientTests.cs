using StudyBot.Adapters.Common;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Rest;

public sealed class RestClientTests
{
    [Fact]
    public async Task A_daily_question_is_posted_as_an_embed_with_buttons_and_no_mentions()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);
        var question = new ChatMessage("Question of the day", "Which **one**? @everyone", [],
            [new ChatButton(ButtonIds.Daily(7, 0), "A. One"), new ChatButton(ButtonIds.Daily(7, 1), "B. Two")], "Closes at 21:00");

        var id = await host.Platform.PostAsync("chan-1", question, CancellationToken.None);

        var post = Assert.Single(fake.RequestsTo("POST", "channels/chan-1/messages"));
        Assert.Equal("1001", id);
        Assert.Equal($"Bot {DiscordTestHost.Token}", post.Authorization);
        Assert.StartsWith("DiscordBot (", post.UserAgent, StringComparison.Ordinal);
        var body = post.Json;
        Assert.Equal(0, body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("Question of the day", body.GetProperty("embeds")[0].GetProperty("title").GetString());
        var buttons = body.GetProperty("components")[0].GetProperty("components");
        Assert.Equal("sb:a:7:1:-1", buttons[1].GetProperty("custom_id").GetString());
    }

    [Fact]
    public async Task An_edit_without_buttons_removes_them()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);

        await host.Platform.EditAsync("chan-1", "m-9", ChatMessage.Text("Answer: B", "Because."), CancellationToken.None);

        var edit = Assert.Single(fake.RequestsTo("PATCH", "channels/chan-1/messages/m-9"));
        Assert.Equal(0, edit.Json.GetProperty("components").GetArrayLength());
        Assert.Equal("Answer: B", edit.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_401_stops_all_later_requests_and_reports_the_token_setting()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);
        fake.Script(r => r.Is("POST", "channels/") ? new FakeResponse(401, """{"message": "401: Unauthorized", "code": 0}""") : null);

        var first = await Assert.ThrowsAsync<AdapterStoppedException>(() => host.Platform.PostAsync("chan-1", ChatMessage.Text("a", "b"), CancellationToken.None));
        var second = await Assert.ThrowsAsync<AdapterStoppedException>(() => host.Platform.PostAsync("chan-2", ChatMessage.Text("a", "b"), CancellationToken.None));

        Assert.Contains("StudyBot__Discord__Token", first.Message, StringComparison.Ordinal);
        Assert.Equal(first.Message, second.Message);
        Assert.Single(fake.Requests);
        Assert.Contains("StudyBot:Discord:Token", await host.FailureAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_errors_name_the_route_but_not_the_path()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);
        fake.Script(r => r.Is("POST", "channels/") ? new FakeResponse(403, """{"message": "Missing Access", "code": 50001}""") : null);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => host.Platform.PostAsync("chan-1", ChatMessage.Text("a", "b"), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.Status);
        Assert.Contains("channels/{channel_id}/messages", error.Message, StringComparison.Ordinal);
        Assert.Contains("Missing Access", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Adapters.Failures);
    }
}
