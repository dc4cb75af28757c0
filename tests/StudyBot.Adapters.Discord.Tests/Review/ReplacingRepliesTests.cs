using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Review;

/// <summary>A /review session walks through one private message: each answer's reply takes the clicked message's place.</summary>
public sealed class ReplacingRepliesTests
{
    private static ChatReply NextCard() =>
        new(new ChatMessage("Correct · next card", "Which volume type…?", [], [new ChatButton("sb:p:q2:0:-1", "A. gp3")]), true, ReplacesClicked: true);

    [Fact]
    public async Task A_click_on_an_ephemeral_message_is_answered_with_UPDATE_MESSAGE_that_keeps_it_ephemeral()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        host.Inbox.OnClick = (_, _) => Task.FromResult(NextCard());
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Button("int-1", "sb:p:q1:0:-1", onEphemeral: true));

        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        Assert.Equal(7, callback.Json.GetProperty("type").GetInt32());
        var data = callback.Json.GetProperty("data");
        Assert.Equal("Correct · next card", data.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal("sb:p:q2:0:-1", data.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString());
        // An update cannot change the message's flags; it stays as private as it was.
        Assert.False(data.TryGetProperty("flags", out _));
    }

    [Fact]
    public async Task A_replacing_reply_to_a_click_on_a_public_question_becomes_a_new_private_message()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        host.Inbox.OnClick = (_, _) => Task.FromResult(NextCard());
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Button("int-1", "sb:p:q1:0:-1", onEphemeral: false));

        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task A_slow_replacing_reply_is_deferred_as_an_update_then_edits_the_clicked_message()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, new Dictionary<string, string?> { ["StudyBot:Discord:DeferAfter"] = "00:00:00.100" });
        host.Inbox.Delay = TimeSpan.FromMilliseconds(300);
        host.Inbox.OnClick = (_, _) => Task.FromResult(NextCard());
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Button("int-1", "sb:p:q1:0:-1", onEphemeral: true));

        var edit = await fake.WaitForRequestAsync(r => r.Is("PATCH", "webhooks/app-1/itoken-int-1/messages/@original"));
        var deferred = Assert.Single(fake.RequestsTo("POST", "interactions/int-1/"));
        Assert.Equal(6, deferred.Json.GetProperty("type").GetInt32());
        Assert.Equal("Correct · next card", edit.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Empty(fake.RequestsTo("POST", "webhooks/"));
    }

    [Fact]
    public async Task A_slow_non_replacing_reply_after_a_deferred_update_is_a_private_follow_up()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, new Dictionary<string, string?> { ["StudyBot:Discord:DeferAfter"] = "00:00:00.100" });
        host.Inbox.Delay = TimeSpan.FromMilliseconds(300);
        host.Inbox.OnClick = (_, _) => Task.FromResult(ChatReply.Private("Not yours", "Only the card's owner can re-grade it."));
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Button("int-1", "sb:p:q1:0:-1", onEphemeral: true));

        var followup = await fake.WaitForRequestAsync(r => r.Is("POST", "webhooks/app-1/itoken-int-1"));
        Assert.Equal(64, followup.Json.GetProperty("flags").GetInt32());
        Assert.Equal("Not yours", followup.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Empty(fake.RequestsTo("PATCH", "webhooks/"));
    }

    [Fact]
    public async Task A_click_in_the_bots_DM_reaches_the_core_from_the_DM_channel_and_not_as_an_admin()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        host.Inbox.OnClick = (_, _) => Task.FromResult(NextCard());
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Button("int-1", ButtonIds.StartReview, channelId: "dm-user-1", inGuild: false));

        var call = await host.Inbox.NextCallAsync();
        Assert.Equal(("button", ButtonIds.StartReview), (call.Kind, call.Text));
        Assert.Equal(new ChannelAddress("discord", "dm-user-1"), call.Context.Channel);
        Assert.Equal(("user-1", "Alice", false), (call.Context.User.UserId, call.Context.User.DisplayName, call.Context.IsAdmin));
        // In a DM the reminder itself may be replaced by the first card.
        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        Assert.Equal(7, callback.Json.GetProperty("type").GetInt32());
    }
}
