using StudyBot.Core.Text;
using System.Globalization;
using System.Text.Json.Nodes;
using StudyBot.Adapters.Discord.Bot.Interactions;
using StudyBot.Core.Commands;

namespace StudyBot.Adapters.Discord.Bot.Rendering;

/// <summary>Renders the core's command table (<see cref="SlashCommands"/>) as the body of a bulk overwrite (<c>PUT .../commands</c>).</summary>
internal static class CommandRegistration
{
    /// <summary>MANAGE_CHANNELS (1 &lt;&lt; 4): Discord hides the command from members without it; server admins can change that.</summary>
    public const long ManageChannels = 1L << 4;

    public const long Administrator = 1L << 3;

    private const int ChatInput = 1;
    private const int SubCommandType = 1;
    private const int StringType = 3;
    private const int RoleType = 8;
    private const int GuildContext = 0;
    private const int BotDmContext = 1;
    private const int GuildInstall = 0;

    /// <param name="global">Global commands say where they may be used; a server's own commands (development) live only there.</param>
    public static JsonArray Build(bool global = true) => new(SlashCommands.All.Select(c => (JsonNode)Command(c, global)).ToArray());

    private static JsonObject Command(IGrouping<string, CommandSpec> command, bool global)
    {
        JsonObject json;
        IEnumerable<JsonObject> options;
        if (CommandSpecs.FindGroup(command.Key) is { } group)
        {
            json = Named(group.Name, group.NameKo, group.DescriptionEn, group.DescriptionKo);
            options = command.Select(SubCommand);
        }
        else
        {
            var spec = command.Single();
            json = Named(spec.Name, spec.NameKo, spec.DescriptionEn, spec.DescriptionKo);
            options = spec.Parameters.Select(Option);
        }
        // Only channel managers see a command all of whose parts are for admins; the core checks again on every use.
        var managersOnly = command.All(s => s.AdminOnly);
        json["type"] = ChatInput;
        if (global)
        {
            json["integration_types"] = new JsonArray(GuildInstall);
            // Channel settings (and a channel's study role) make no sense in a DM, so /study exists only in servers.
            json["contexts"] = managersOnly || CommandSpecs.FindGroup(command.Key) is not null ? new JsonArray(GuildContext) : new JsonArray(GuildContext, BotDmContext);
        }
        if (managersOnly)
            json["default_member_permissions"] = ManageChannels.ToString(CultureInfo.InvariantCulture);
        json["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray());
        return json;
    }

    private static JsonObject SubCommand(CommandSpec sub)
    {
        var json = Named(sub.Leaf, sub.NameKo, sub.DescriptionEn, sub.DescriptionKo);
        json["type"] = SubCommandType;
        json["options"] = new JsonArray(sub.Parameters.Select(o => (JsonNode)Option(o)).ToArray());
        return json;
    }

    // Every parameter is a string option: the core reads and checks the value, so Discord's number or
    // boolean types would only add a second set of rules. A role is the exception: Discord's role picker
    // (type 8) is the only way to choose one by name. It cannot offer "off" too, so it is optional and
    // leaving it out means off (CommandLineMapper).
    private static JsonObject Option(ParameterSpec parameter)
    {
        if (parameter.Kind == ParameterKind.Role)
        {
            var role = Named(parameter.Name, parameter.NameKo, parameter.DescriptionEn + "; leave out to turn off", parameter.DescriptionKo + " (비우면 끄기)");
            role["type"] = RoleType;
            role["required"] = false;
            return role;
        }
        var json = Named(parameter.Name, parameter.NameKo, parameter.DescriptionEn, parameter.DescriptionKo);
        json["type"] = StringType;
        json["required"] = parameter.AlwaysRequired;
        if (parameter.Kind == ParameterKind.Topic) json["autocomplete"] = true;
        if (parameter.AllChoices is { Count: > 0 } choices)
        {
            json["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Value,
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
        ["description"] = TextCut.ToLength(description, 100),
        ["description_localizations"] = new JsonObject { ["ko"] = TextCut.ToLength(descriptionKo, 100) },
    };
}
