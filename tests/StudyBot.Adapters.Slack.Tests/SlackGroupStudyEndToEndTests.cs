namespace StudyBot.Adapters.Slack.Tests;

/// <summary>Group study on Slack, end to end: the thread reply, the user group mention, pins and the one notice.</summary>
public sealed partial class SlackEndToEndTests
{
    [Fact]
    public async Task The_post_mentions_the_user_group_points_to_its_thread_is_pinned_and_the_reveal_replies_in_the_thread()
    {
        await SlashAsync("env-setup", "setup 09:00 Asia/Seoul", Admin);
        var ping = await SlashAsync("env-ping", "ping <!subteam^S0STUDY1|@study>", Admin);
        Assert.Contains("S0STUDY1", Text(ping));
        await SlashAsync("env-pin", "pin on", Admin);
        _slack.Script("chat.postMessage", new FakeResponse(200, new { ok = true, channel = Channel, ts = QuestionTs }));
        await SlashAsync("env-now", "now", Admin);

        var question = await _slack.CallAsync("chat.postMessage");
        Assert.StartsWith("<!subteam^S0STUDY1> ", question.Arg("text"), StringComparison.Ordinal);
        Assert.Equal("<!subteam^S0STUDY1>", Blocks(question.Body, "section")[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("Discuss in the thread", question.Arg("text"));
        var pin = await _slack.CallAsync("pins.add");
        Assert.Equal((Channel, QuestionTs), (pin.Arg("channel"), pin.Arg("timestamp")));
        Assert.True(_slack.Pins.ContainsKey($"{Channel}/{QuestionTs}"));

        await SlashAsync("env-close", "close", Admin);

        var summary = await _slack.CallAsync("chat.postMessage", c => c.Arg("thread_ts") == QuestionTs);
        Assert.Equal(Channel, summary.Arg("channel"));
        Assert.Contains("Answer: B", summary.Arg("text"));
        Assert.DoesNotContain("subteam", summary.Arg("text"));
        await _slack.CallAsync("pins.remove", c => c.Arg("timestamp") == QuestionTs);
        Assert.Empty(_slack.Pins);
    }

    [Theory]
    [InlineData("@everyone")]
    [InlineData("<!channel>")]
    [InlineData("<!here>")]
    [InlineData("<@U0ALICE>")]
    public async Task A_mention_of_everyone_or_a_user_is_never_taken_as_the_study_group(string typed)
    {
        var reply = await SlashAsync("env-ping-bad", "ping " + typed, Admin);

        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        Assert.Contains("is not a valid role", Text(reply));
    }

    [Fact]
    public async Task Without_pins_write_the_questions_still_post_and_the_admin_is_told_once_across_two_days()
    {
        _slack.Script("pins.add", FakeResponse.Error("missing_scope"), FakeResponse.Error("missing_scope"));
        _slack.Script("pins.remove", FakeResponse.Error("missing_scope"));
        await SlashAsync("env-setup", "setup 09:00 Asia/Seoul", Admin);
        await SlashAsync("env-pin", "pin on", Admin);
        await SlashAsync("env-now-1", "now", Admin);
        await SlashAsync("env-close-1", "close", Admin);
        _clock.Set(_clock.GetUtcNow().AddDays(1));
        var second = await SlashAsync("env-now-2", "now", Admin);

        Assert.Contains("Today's question is up.", Text(second));
        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "chat.postMessage" && c.Arg("channel") == Channel && c.Arg("thread_ts") is null));
        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "pins.add"));
        var notice = Assert.Single(_slack.Calls.All, c => c.Method == "chat.postMessage" && c.Arg("channel") == "D" + Admin);
        Assert.Contains("pins:write", notice.Arg("text"));
    }

    [Fact]
    public async Task Join_on_Slack_says_who_can_add_a_member_to_the_user_group()
    {
        await SlashAsync("env-ping", "ping S0STUDY1", Admin);

        var reply = await SlashAsync("env-join", "join", "U0ALICE");

        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        Assert.Contains("Ask a workspace admin or the group's manager", Text(reply));
        Assert.DoesNotContain(_slack.Calls.All, c => c.Method.StartsWith("usergroups.", StringComparison.Ordinal));
    }
}
