using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Interactions;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("sb:a:99999999999999999999999:9:9")]
    [InlineData("sb:a:1:0:-1/../../callback")]
    [InlineData("not-ours")]
    [InlineData("")]
    public async Task A_forged_custom_id_reaches_the_core_verbatim_and_gets_an_ephemeral_reply(string customId)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Button("int-1", customId));

        var reply = await EphemeralTitleAsync(fake, "int-1");
        Assert.Equal("Unknown choice", reply);
        Assert.Equal(customId, Assert.Single(host.Inbox.Calls).Text);
        Assert.Empty(host.Inbox.RecordedAnswers);
    }

    [Theory]
    [InlineData(2L, "Question closed")]
    [InlineData(77L, "Unknown question")]
    public async Task An_answer_for_a_closed_or_unknown_question_is_refused_ephemerally(long postId, string expected)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        host.Inbox.Posts[2] = "chan-1";
        host.Inbox.ClosedPosts.Add(2);
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Button("int-1", ButtonIds.Daily(postId, 0)));

        Assert.Equal(expected, await EphemeralTitleAsync(fake, "int-1"));
        Assert.Empty(host.Inbox.RecordedAnswers);
    }

    [Fact]
    public async Task A_second_answer_is_not_recorded_and_says_so()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Button("int-1", ButtonIds.Daily(1, 0)));
        Assert.Equal("Answer recorded", await EphemeralTitleAsync(fake, "int-1"));
        await connection.DispatchAsync("INTERACTION_CREATE", 3, Payloads.Button("int-2", ButtonIds.Daily(1, 3)));

        Assert.Equal("Already answered", await EphemeralTitleAsync(fake, "int-2"));
        Assert.Single(host.Inbox.RecordedAnswers);
    }

    [Fact]
    public async Task A_click_on_a_question_from_another_channel_is_refused_and_nothing_is_recorded()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        // Post 1 lives in chan-1; the button was copied into chan-2.
        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Button("int-1", ButtonIds.Daily(1, 0), channelId: "chan-2"));

        Assert.Equal("Wrong channel", await EphemeralTitleAsync(fake, "int-1"));
        Assert.Equal("chan-2", Assert.Single(host.Inbox.Calls).Context.Channel.ChannelId);
        Assert.Empty(host.Inbox.RecordedAnswers);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-16")]
    [InlineData("")]
    public async Task Forged_member_permissions_never_make_an_admin(string permissions)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-1", "study", [Payloads.SubCommand("close")], permissions: permissions));

        var call = await host.Inbox.NextCallAsync();
        Assert.Equal("study close", call.Text);
        Assert.False(call.Context.IsAdmin);
    }

    private static async Task<string?> EphemeralTitleAsync(FakeDiscord fake, string interactionId)
    {
        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", $"interactions/{interactionId}/"));
        var data = callback.Json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        return data.GetProperty("embeds")[0].GetProperty("title").GetString();
    }
}
