using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class WebApiTests
{
    private static readonly ChatMessage DailyQuestion = new(
        "Question of the day · EBS",
        "Which EBS volume type is the **general purpose SSD** default?",
        [],
        [new ChatButton("sb:a:42:0:-1", "A. gp2"), new ChatButton("sb:a:42:1:-1", "B. gp3"), new ChatButton("sb:a:42:2:-1", "C. io2")],
        "Answers close at 21:00 (Asia/Seoul) · ebs-001");

    private static readonly ChatMessage Reveal = new(
        "Answer: B · EBS",
        "✅ **B.** gp3 (3)\n▫️ **A.** gp2 (1)\n\ngp3 is the default.",
        [new MessageField("Answered", "4"), new MessageField("Correct", "75%")],
        []);

    [Fact]
    public async Task Daily_question_is_posted_as_Block_Kit_with_one_button_per_choice()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());

        var ts = await host.Platform.PostAsync("C0STUDY", DailyQuestion, CancellationToken.None);

        var call = await slack.CallAsync("chat.postMessage");
        Assert.Equal("C0STUDY", call.Body.GetProperty("channel").GetString());
        Assert.Equal("1700000000.000001", ts);
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", call.Authorization);
        var blocks = call.Body.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["header", "section", "actions", "context"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Contains("*general purpose SSD*", blocks[1].GetProperty("text").GetProperty("text").GetString());
        var buttons = blocks[2].GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal(DailyQuestion.Buttons.Select(b => b.Id), buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal(DailyQuestion.Buttons.Select(b => b.Id), buttons.Select(b => b.GetProperty("value").GetString()));
        Assert.Equal("B. gp3", buttons[1].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("Question of the day", call.Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Edit_without_buttons_updates_the_message_removing_them_with_fresh_block_ids()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        var ts = await host.Platform.PostAsync("C0STUDY", DailyQuestion, CancellationToken.None);

        await host.Platform.EditAsync("C0STUDY", ts, Reveal, CancellationToken.None);

        var posted = await slack.CallAsync("chat.postMessage");
        var update = await slack.CallAsync("chat.update");
        Assert.Equal("C0STUDY", update.Arg("channel"));
        Assert.Equal(ts, update.Arg("ts"));
        var blocks = update.Body.GetProperty("blocks").EnumerateArray().ToList();
        Assert.DoesNotContain(blocks, b => b.GetProperty("type").GetString() == "actions");
        Assert.Contains(blocks, b => b.TryGetProperty("fields", out var f) && f.GetArrayLength() == 2);
        var before = BlockIds(posted.Body);
        Assert.Empty(BlockIds(update.Body).Intersect(before));
    }

    [Fact]
    public async Task Rate_limited_post_waits_Retry_After_then_succeeds()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        slack.Script("chat.postMessage", FakeResponse.RateLimited(seconds: 1));

        var ts = await host.Platform.PostAsync("C0STUDY", DailyQuestion, CancellationToken.None);

        var calls = slack.Calls.All.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(0.9), $"retried after {calls[1].At - calls[0].At}");
        Assert.False(string.IsNullOrEmpty(ts));
        await host.Logs.WaitForAsync(LogLevel.Warning, "rate-limited chat.postMessage");
    }

    [Fact]
    public async Task Not_in_channel_gives_a_clear_message_with_the_fix()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        slack.Script("chat.postMessage", FakeResponse.Error("not_in_channel"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => host.Platform.PostAsync("C0PRIVATE", DailyQuestion, CancellationToken.None));

        Assert.Equal("not_in_channel", error.Error);
        Assert.Contains("C0PRIVATE", error.Message);
        Assert.Contains("/invite @StudyBot", error.Message);
        var logged = await host.Logs.WaitForAsync(LogLevel.Error, "/invite @StudyBot");
        Assert.Contains("not a member", logged.Message);
        Assert.True(host.Adapters.IsRunning("slack"));
    }

    [Theory]
    [InlineData("channel_not_found", "/invite @StudyBot")]
    [InlineData("is_archived", "archived")]
    [InlineData("invalid_blocks", "StudyBot bug")]
    [InlineData("weird_new_error", "weird_new_error")]
    public async Task Other_errors_are_explained(string error, string expected)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        slack.Script("chat.update", FakeResponse.Error(error));

        var thrown = await Assert.ThrowsAsync<SlackApiException>(() => host.Platform.EditAsync("C0STUDY", "1.2", Reveal, CancellationToken.None));

        Assert.Contains(expected, thrown.Message);
        Assert.Contains("chat.update", thrown.Message);
    }

    [Fact]
    public async Task Missing_scope_names_the_scope_to_add()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        slack.Script("chat.postMessage", new FakeResponse(200, new { ok = false, error = "missing_scope", needed = "chat:write" }));

        var thrown = await Assert.ThrowsAsync<SlackApiException>(() => host.Platform.PostAsync("C0STUDY", DailyQuestion, CancellationToken.None));

        Assert.Contains("chat:write", thrown.Message);
        Assert.Contains("reinstall", thrown.Message);
    }

    [Fact]
    public async Task Posts_to_one_channel_are_paced_without_holding_up_other_channels()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox(), s =>
        {
            s["StudyBot:Slack:ChannelMessageInterval"] = "00:00:00.250";
            s["StudyBot:Slack:ChannelMessageBurst"] = "1";
        });
        var message = ChatMessage.Text("Hi", "there");

        var busy = Enumerable.Range(0, 3).Select(_ => host.Platform.PostAsync("C0BUSY", message, CancellationToken.None)).ToList();
        await host.Platform.PostAsync("C0QUIET", message, CancellationToken.None);
        Assert.False(busy[2].IsCompleted, "the third post to the busy channel was not paced");
        await Task.WhenAll(busy);

        var times = slack.Calls.All.Where(c => c.Method == "chat.postMessage" && c.Arg("channel") == "C0BUSY").Select(c => c.At).Order().ToList();
        Assert.Equal(3, times.Count);
        Assert.True(times[2] - times[0] >= TimeSpan.FromMilliseconds(400), $"three posts within {times[2] - times[0]}");
    }

    private static HashSet<string> BlockIds(JsonElement body) =>
        body.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("block_id").GetString()!).ToHashSet();
}
