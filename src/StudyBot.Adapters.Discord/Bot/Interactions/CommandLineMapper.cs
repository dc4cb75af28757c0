using StudyBot.Adapters.Common;
using System.Text.Json;
using StudyBot.Core.Commands;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>
/// Turns a slash-command invocation back into the command line the core parses:
/// <c>/study setup time:09:00 timezone:Asia/Seoul</c> → <c>study setup 09:00 Asia/Seoul</c>.
/// Options follow their declared order, not the order the user typed them in.
/// </summary>
internal static class CommandLineMapper
{
    private const int SubCommandType = 1;
    private const int SubCommandGroupType = 2;

    /// <summary>What a role option holding the server's own id becomes: that "role" is @everyone, which the core refuses.</summary>
    public const string EveryoneRole = "@everyone";

    /// <param name="guildId">The server the command came from: its id as a role id is @everyone.</param>
    public static string ToCommandLine(JsonElement data, string? guildId = null)
    {
        var name = Clean(data.Text("name") ?? "");
        var given = data.Items("options");
        var isGroup = CommandSpecs.FindGroup(name) is not null;
        var chosen = isGroup ? given?.EnumerateArray().FirstOrDefault(o => o.Number("type") is SubCommandType or SubCommandGroupType) : null;
        if (SlashCommands.Find(name, chosen?.Text("name")) is not { } spec) return name;
        if (isGroup) given = chosen?.Items("options");

        var words = new List<string> { spec.Name };
        foreach (var parameter in spec.Parameters)
        {
            var value = given?.EnumerateArray().FirstOrDefault(o => o.Text("name") == parameter.Name);
            var text = value is { } present ? Value(present) : null;
            if (parameter.Kind == ParameterKind.Role)
            {
                // A role option cannot also offer "off", so leaving the role out is how Discord says it (see CommandRegistration).
                if (string.IsNullOrEmpty(text)) text = parameter.AllChoices.Count > 0 ? parameter.AllChoices[0].Value : null;
                else if (text == guildId) text = EveryoneRole;
            }
            if (text is { Length: > 0 }) words.Add(text);
        }
        return string.Join(' ', words);
    }

    /// <summary>The parameter the user is typing in (autocomplete), if it names a topic: its text so far.</summary>
    public static string? FocusedTopic(JsonElement data)
    {
        if (Focused(data) is not { } focused) return null;
        var name = data.Text("name") ?? "";
        var sub = data.Items("options")?.EnumerateArray().FirstOrDefault(o => o.Number("type") is SubCommandType).Text("name");
        var parameter = SlashCommands.Find(name, sub)?.Parameter(focused.Name);
        return parameter?.Kind == ParameterKind.Topic ? focused.Text : null;
    }

    /// <summary>The option the user is typing in (autocomplete): its name and text so far.</summary>
    public static (string Name, string Text)? Focused(JsonElement data)
    {
        if (data.Items("options") is not { } options) return null;
        foreach (var option in options.EnumerateArray())
        {
            if (option.IsTrue("focused")) return (option.Text("name") ?? "", Value(option) ?? "");
            if (option.Items("options") is not null && Focused(option) is { } nested) return nested;
        }
        return null;
    }

    private static string? Value(JsonElement option)
    {
        if (option.ValueKind != JsonValueKind.Object || !option.TryGetProperty("value", out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => Clean(value.GetString() ?? ""),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    // One line, no runs of whitespace: the core splits the line on spaces.
    private static string Clean(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
