using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Adapters.Discord.Bot.Interactions;
using StudyBot.Core.Content;

namespace StudyBot.Adapters.Discord.Tests.Interactions;

public sealed class DiscordInteractionTests
{
    [Theory]
    [InlineData("16", true)]
    [InlineData("8", true)]
    [InlineData("2147483647", true)]
    [InlineData("1024", false)]
    [InlineData("0", false)]
    public void Manage_channels_or_administrator_makes_an_admin(string permissions, bool isAdmin)
    {
        var interaction = Parse(Payloads.SlashCommand("1", "study", permissions: permissions));

        Assert.Equal(isAdmin, interaction!.Context!.IsAdmin);
    }

    [Fact]
    public void In_a_DM_nobody_is_an_admin_even_with_forged_permissions()
    {
        var payload = Payloads.SlashCommand("1", "study", inGuild: false);
        payload["member"] = new JsonObject { ["permissions"] = "16", ["user"] = new JsonObject { ["id"] = "mallory" } };
        payload.Remove("guild_id");

        var interaction = Parse(payload)!;

        Assert.False(interaction.Context!.IsAdmin);
    }

    [Theory]
    [InlineData("ko", Language.Ko)]
    [InlineData("en-US", Language.En)]
    [InlineData("fr", Language.En)]
    public void The_locale_picks_the_language(string locale, Language language) =>
        Assert.Equal(language, Parse(Payloads.SlashCommand("1", "help", locale: locale))!.Context!.Language);

    [Theory]
    [InlineData("id")]
    [InlineData("token")]
    [InlineData("application_id")]
    [InlineData("member")]
    public void A_payload_missing_what_a_reply_needs_is_rejected(string field)
    {
        var payload = Payloads.SlashCommand("1", "help");
        payload.Remove(field);

        Assert.Null(Parse(payload));
    }

    [Fact]
    public void Wrongly_typed_fields_do_not_throw()
    {
        var payload = Payloads.SlashCommand("1", "help");
        payload["locale"] = 5;
        payload["channel_id"] = new JsonArray();
        payload["member"]!["permissions"] = 16;

        var interaction = Parse(payload)!;

        Assert.Equal("chan-1", interaction.ChannelId);
        Assert.False(interaction.CanManageChannel);
        Assert.Equal(Language.En, interaction.Language);
    }

    [Fact]
    public void Each_interaction_id_passes_once()
    {
        var seen = new SeenInteractions();
        var payload = JsonSerializer.SerializeToElement(Payloads.SlashCommand("int-1", "help"));

        Assert.True(seen.TryAdd(payload));
        Assert.False(seen.TryAdd(payload));
        Assert.True(seen.TryAdd(JsonSerializer.SerializeToElement(Payloads.SlashCommand("int-2", "help"))));
        Assert.False(seen.TryAdd(JsonSerializer.SerializeToElement(new JsonObject { ["id"] = 5 })));
    }

    private static DiscordInteraction? Parse(JsonObject payload) =>
        DiscordInteraction.TryParse(new ReceivedInteraction(JsonSerializer.SerializeToElement(payload), 0));
}
