using System.Text;
using System.Text.Json.Nodes;
using StudyBot.Adapters.Discord.Bot.Interactions;
using StudyBot.Adapters.Discord.Client.Gateway;

namespace StudyBot.Adapters.Discord.Tests.Conformance;

/// <summary>
/// Discord's example payloads (Conformance/Payloads, sources in its README), each a gateway dispatch frame,
/// read through the bot's own frame and interaction parsers.
/// </summary>
internal static class DocsPayloads
{
    public const string Ready = "ready";
    public const string SlashCommandGuild = "slash-command-guild";
    public const string SlashCommandDm = "slash-command-dm";
    public const string ButtonGuild = "button-guild";
    public const string ButtonDm = "button-dm";
    public const string AutocompleteGuild = "autocomplete-guild";
    public const string AutocompleteDm = "autocomplete-dm";

    /// <summary>The file's text, exactly as committed.</summary>
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "Payloads", name + ".json"));

    /// <summary>The file as a node, for a test that changes one field (the READY's resume URL, a command's name).</summary>
    public static JsonObject Node(string name) => (JsonObject)JsonNode.Parse(Text(name))!;

    /// <summary>The frame as the gateway connection parses it.</summary>
    public static GatewayFrame Frame(string text)
    {
        Assert.True(GatewayFrame.TryParse(Encoding.UTF8.GetBytes(text), out var frame), "the bot rejected the frame");
        return frame;
    }

    /// <summary>The INTERACTION_CREATE as the bot maps it; fails when the bot would drop it.</summary>
    public static DiscordInteraction Interaction(string name) => Interaction(Frame(Text(name)));

    public static DiscordInteraction Interaction(JsonObject frame) => Interaction(Frame(frame.ToJsonString()));

    private static DiscordInteraction Interaction(GatewayFrame frame)
    {
        Assert.Equal((0, "INTERACTION_CREATE"), (frame.Op, frame.EventName));
        var interaction = DiscordInteraction.TryParse(new ReceivedInteraction(frame.Data, 0));
        Assert.NotNull(interaction);
        return interaction;
    }

    /// <summary>The frame with its interaction's command and first option renamed to one of StudyBot's, the rest as Discord wrote it.</summary>
    public static JsonObject Renamed(string name, string command, string option)
    {
        var frame = Node(name);
        var data = frame["d"]!["data"]!;
        data["name"] = command;
        data["options"]![0]!["name"] = option;
        return frame;
    }
}
