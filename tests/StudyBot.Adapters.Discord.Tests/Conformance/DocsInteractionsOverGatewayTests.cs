using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Conformance;

/// <summary>
/// Discord's example interactions sent as-is over the fake gateway (a real WebSocket on 127.0.0.1) into the
/// running adapter: the core gets the right call, and the fake checks the bot's callback against the OpenAPI spec.
/// </summary>
public sealed class DocsInteractionsOverGatewayTests
{
    [Theory]
    [InlineData(DocsPayloads.SlashCommandGuild, "786008729715212338", "645027906669510667", "53908232506183680", true)]
    [InlineData(DocsPayloads.SlashCommandDm, "1234968734674853908", "1234563982236504123", "80351110224678912", false)]
    public async Task A_slash_command_reaches_the_core_and_is_answered(string payload, string id, string channelId, string userId, bool isAdmin)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.SendTextAsync(DocsPayloads.Text(payload));

        var call = await host.Inbox.NextCallAsync();
        Assert.Equal(InboxCall.Command, call.Kind);
        Assert.Equal(new ChannelAddress("discord", channelId), call.Context.Channel);
        Assert.Equal((userId, isAdmin), (call.Context.User.UserId, call.Context.IsAdmin));
        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", $"interactions/{id}/"));
        Assert.EndsWith("/callback", callback.Path, StringComparison.Ordinal);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal($"reply to {call.Text}", callback.Json.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_docs_slash_command_with_StudyBots_names_gives_the_core_its_option()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.SendAsync(DocsPayloads.Renamed(DocsPayloads.SlashCommandGuild, "topic", "query"));

        var call = await host.Inbox.NextCallAsync();
        Assert.Equal(("topic The Gitrog Monster", "Mason"), (call.Text, call.Context.User.DisplayName));
        await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/786008729715212338/A_UNIQUE_TOKEN/callback"));
    }

    [Theory]
    [InlineData(DocsPayloads.ButtonGuild, true)]
    [InlineData(DocsPayloads.ButtonDm, false)]
    public async Task A_button_click_reaches_the_core_with_its_custom_id_and_is_answered_privately(string payload, bool isAdmin)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.SendTextAsync(DocsPayloads.Text(payload));

        var call = await host.Inbox.NextCallAsync();
        Assert.Equal((InboxCall.Button, "click_one"), (call.Kind, call.Text));
        Assert.Equal(new ChannelAddress("discord", "345626669114982999"), call.Context.Channel);
        Assert.Equal(("53908232506183680", isAdmin), (call.Context.User.UserId, call.Context.IsAdmin));
        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/846462639134605312/unique_interaction_token/callback"));
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Theory]
    [InlineData(DocsPayloads.AutocompleteGuild, "786008729715212338", "645027906669510667")]
    [InlineData(DocsPayloads.AutocompleteDm, "1234968734674853908", "1234563982236504123")]
    public async Task Autocomplete_asks_the_core_for_the_typed_text_and_offers_its_choices(string payload, string id, string channelId)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        host.Inbox.Topics = ["Data a user is typing", "Something else"];
        var (connection, _) = await host.ConnectAsync();

        await connection.SendAsync(DocsPayloads.Renamed(payload, "quiz", "topic"));

        var call = await host.Inbox.NextCallAsync();
        Assert.Equal((InboxCall.Complete, "data a user is typ"), (call.Kind, call.Text));
        Assert.Equal(new ChannelAddress("discord", channelId), call.Context.Channel);
        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", $"interactions/{id}/"));
        Assert.Equal(8, callback.Json.GetProperty("type").GetInt32());
        var choice = Assert.Single(callback.Json.GetProperty("data").GetProperty("choices").EnumerateArray());
        Assert.Equal("Data a user is typing", choice.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Autocomplete_on_an_option_StudyBot_does_not_complete_is_answered_with_no_choices()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.SendTextAsync(DocsPayloads.Text(DocsPayloads.AutocompleteGuild));

        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/786008729715212338/"));
        Assert.Equal(8, callback.Json.GetProperty("type").GetInt32());
        Assert.Empty(callback.Json.GetProperty("data").GetProperty("choices").EnumerateArray());
        Assert.Empty(host.Inbox.Calls);
    }
}
