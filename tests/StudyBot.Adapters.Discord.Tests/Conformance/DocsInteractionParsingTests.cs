using System.Text.Json.Nodes;
using StudyBot.Adapters.Discord.Bot.Interactions;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;

namespace StudyBot.Adapters.Discord.Tests.Conformance;

/// <summary>
/// Discord's own example INTERACTION_CREATE payloads, through the bot's frame parser and interaction mapping:
/// the fields the bot uses come out as the docs mean them, and the fields it ignores do no harm.
/// </summary>
public sealed class DocsInteractionParsingTests
{
    [Fact]
    public void A_slash_command_in_a_server_names_the_member_channel_and_locale()
    {
        var interaction = DocsPayloads.Interaction(DocsPayloads.SlashCommandGuild);

        Assert.Equal(("786008729715212338", "775799577604522054", "A_UNIQUE_TOKEN"), (interaction.Id, interaction.ApplicationId, interaction.Token));
        Assert.Equal(InteractionTypes.ApplicationCommand, interaction.Type);
        Assert.Equal(("645027906669510667", "290926798626357999"), (interaction.ChannelId, interaction.GuildId));
        // member.nick is null in the docs: the name falls back past it to the username.
        Assert.Equal(new ChatUser("discord", "53908232506183680", "Mason"), interaction.Context!.User);
        Assert.Equal(new ChannelAddress("discord", "645027906669510667"), interaction.Context.Channel);
        Assert.Equal(Language.En, interaction.Context.Language);
        // "2147483647" holds ADMINISTRATOR and MANAGE_CHANNELS.
        Assert.True(interaction.Context.IsAdmin);
        Assert.Equal("cardsearch", interaction.Data.GetProperty("name").GetString());
    }

    [Fact]
    public void A_slash_commands_string_option_becomes_the_command_line()
    {
        var interaction = DocsPayloads.Interaction(DocsPayloads.Renamed(DocsPayloads.SlashCommandGuild, "topic", "query"));

        Assert.Equal("topic The Gitrog Monster", CommandLineMapper.ToCommandLine(interaction.Data));
    }

    [Fact]
    public void A_sub_command_and_its_options_as_the_docs_nest_them_become_the_command_line()
    {
        var frame = DocsPayloads.Node(DocsPayloads.SlashCommandGuild);
        // The docs' option structure: a sub-command is an option of type 1 whose own options hold the values.
        frame["d"]!["data"] = JsonNode.Parse("""
            {"options": [{"type": 1, "name": "setup", "options": [
                {"type": 3, "name": "timezone", "value": "Asia/Seoul"}, {"type": 3, "name": "time", "value": "09:00"}]}],
             "type": 1, "name": "study", "id": "771825006014889984"}
            """);

        var interaction = DocsPayloads.Interaction(frame);

        Assert.Equal("study setup 09:00 Asia/Seoul", CommandLineMapper.ToCommandLine(interaction.Data));
    }

    [Fact]
    public void A_slash_command_in_the_bots_DM_has_the_user_and_no_server()
    {
        var interaction = DocsPayloads.Interaction(DocsPayloads.SlashCommandDm);

        Assert.Equal(("1234968734674853908", "234248956100616262"), (interaction.Id, interaction.ApplicationId));
        Assert.Equal("a really long interactions token that your app can use to respond to the interactions", interaction.Token);
        Assert.Null(interaction.GuildId);
        // global_name is null in the docs' user: the username is shown.
        Assert.Equal(new ChatUser("discord", "80351110224678912", "Nelly"), interaction.Context!.User);
        Assert.Equal(new ChannelAddress("discord", "1234563982236504123"), interaction.Context.Channel);
        Assert.False(interaction.Context.IsAdmin);
        Assert.Equal(Language.En, interaction.Context.Language);
        Assert.Equal("link", CommandLineMapper.ToCommandLine(interaction.Data));
    }

    [Fact]
    public void A_button_click_in_a_server_carries_the_custom_id_and_the_member()
    {
        var interaction = DocsPayloads.Interaction(DocsPayloads.ButtonGuild);

        Assert.Equal(InteractionTypes.MessageComponent, interaction.Type);
        Assert.Equal("click_one", interaction.Data.GetProperty("custom_id").GetString());
        Assert.Equal(new ChatUser("discord", "53908232506183680", "Mason"), interaction.Context!.User);
        Assert.Equal(("345626669114982999", "290926798626357999"), (interaction.ChannelId, interaction.GuildId));
        // "17179869183" holds ADMINISTRATOR.
        Assert.True(interaction.Context.IsAdmin);
        // The clicked message is public (flags 0) in a server: a reply must not take its place.
        Assert.False(interaction.OnEphemeralMessage);
        Assert.False(interaction.CanReplaceClicked);
        // The docs' sample has neither locale nor guild_locale.
        Assert.Equal(Language.En, interaction.Language);
    }

    [Fact]
    public void A_button_click_in_the_bots_DM_has_the_user_and_may_replace_the_clicked_message()
    {
        var interaction = DocsPayloads.Interaction(DocsPayloads.ButtonDm);

        Assert.Equal("click_one", interaction.Data.GetProperty("custom_id").GetString());
        Assert.Equal(new ChatUser("discord", "53908232506183680", "Mason"), interaction.Context!.User);
        Assert.Null(interaction.GuildId);
        Assert.False(interaction.Context.IsAdmin);
        Assert.True(interaction.CanReplaceClicked);
    }

    [Theory]
    [InlineData(DocsPayloads.AutocompleteGuild, "290926798626357999")]
    [InlineData(DocsPayloads.AutocompleteDm, null)]
    public void Autocomplete_names_the_focused_option_and_its_partial_value(string payload, string? guildId)
    {
        var interaction = DocsPayloads.Interaction(payload);

        Assert.Equal(InteractionTypes.Autocomplete, interaction.Type);
        Assert.Equal(guildId, interaction.GuildId);
        Assert.Equal(("variant", "data a user is typ"), CommandLineMapper.Focused(interaction.Data));
        // "airhorn" has no topic parameter in StudyBot: nothing to look up.
        Assert.Null(CommandLineMapper.FocusedTopic(interaction.Data));
    }

    [Fact]
    public void Autocomplete_on_a_topic_parameter_asks_for_the_typed_text()
    {
        var interaction = DocsPayloads.Interaction(DocsPayloads.Renamed(DocsPayloads.AutocompleteGuild, "quiz", "topic"));

        Assert.Equal("data a user is typ", CommandLineMapper.FocusedTopic(interaction.Data));
    }
}
