using System.Globalization;
using System.Text.Json.Nodes;
using StudyBot.Adapters.Discord.Interactions;

namespace StudyBot.Adapters.Discord.Rendering;

/// <summary>Renders <see cref="SlashCommands"/> as the body of a bulk overwrite (<c>PUT .../commands</c>).</summary>
public static class CommandRegistration
{
    /// <summary>MANAGE_CHANNELS (1 &lt;&lt; 4): Discord hides the command from members without it; server admins can change that.</summary>
    public const long ManageChannels = 1L << 4;

    public const long Administrator = 1L << 3;

    private const int ChatInput = 1;
    private const int SubCommandType = 1;
    private const int StringType = 3;
    private const int GuildContext = 0;
    private const int BotDmContext = 1;
    private const int GuildInstall = 0;

    /// <param name="global">Global commands say where they may be used; a server's own commands (development) live only there.</param>
    public static JsonArray Build(bool global = true) => new(SlashCommands.All.Select(c => (JsonNode)Command(c, global)).ToArray());

    private static JsonObject Command(SlashCommand command, bool global)
    {
        var json = Named(command.Name, command.NameKo, command.Description, command.DescriptionKo);
        json["type"] = ChatInput;
        if (global)
        {
            json["integration_types"] = new JsonArray(GuildInstall);
            // Channel settings make no sense in a DM, so /study exists only in servers.
            json["contexts"] = command.ManageChannelsOnly ? new JsonArray(GuildContext) : new JsonArray(GuildContext, BotDmContext);
        }
        if (command.ManageChannelsOnly)
            json["default_member_permissions"] = ManageChannels.ToString(CultureInfo.InvariantCulture);
        var options = command.SubCommands.Count > 0
            ? command.SubCommands.Select(SubCommand)
            : command.Options.Select(Option);
        json["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray());
        return json;
    }

    private static JsonObject SubCommand(SlashCommand sub)
    {
        var json = Named(sub.Name, sub.NameKo, sub.Description, sub.DescriptionKo);
        json["type"] = SubCommandType;
        json["options"] = new JsonArray(sub.Options.Select(o => (JsonNode)Option(o)).ToArray());
        return json;
    }

    private static JsonObject Option(SlashOption option)
    {
        var json = Named(option.Name, option.NameKo, option.Description, option.DescriptionKo);
        json["type"] = StringType;
        json["required"] = option.Required;
        if (option.Autocomplete) json["autocomplete"] = true;
        if (option.Choices is { Count: > 0 } choices)
        {
            json["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["name_localizations"] = new JsonObject { ["ko"] = c.NameKo },
                ["value"] = c.Value,
            }).ToArray());
        }
        return json;
    }

    private static JsonObject Named(string name, string nameKo, string description, string descriptionKo) => new()
    {
        ["name"] = name,
        ["name_localizations"] = new JsonObject { ["ko"] = nameKo },
        ["description"] = MessageRenderer.Cut(description, 100),
        ["description_localizations"] = new JsonObject { ["ko"] = MessageRenderer.Cut(descriptionKo, 100) },
    };
}
