using StudyBot.Adapters.Common;
using System.Text.Json;

namespace StudyBot.Adapters.Discord.Interactions;

/// <summary>
/// Turns a slash-command invocation back into the command line the core parses:
/// <c>/study setup time:09:00 timezone:Asia/Seoul</c> → <c>study setup 09:00 Asia/Seoul</c>.
/// Options follow their declared order, not the order the user typed them in.
/// </summary>
public static class CommandLineMapper
{
    private const int SubCommandType = 1;
    private const int SubCommandGroupType = 2;

    public static string ToCommandLine(JsonElement data)
    {
        var name = Clean(data.Text("name") ?? "");
        var given = data.Items("options");
        var command = SlashCommands.Find(name);
        if (command is null) return name;

        var words = new List<string> { command.Name };
        var options = command.Options;
        if (command.SubCommands.Count > 0)
        {
            var chosen = given?.EnumerateArray().FirstOrDefault(o => o.Number("type") is SubCommandType or SubCommandGroupType);
            var sub = command.SubCommands.FirstOrDefault(s => s.Name == chosen?.Text("name"));
            if (sub is null) return command.Name;
            words.Add(sub.Name);
            options = sub.Options;
            given = chosen?.Items("options");
        }
        foreach (var option in options)
        {
            var value = given?.EnumerateArray().FirstOrDefault(o => o.Text("name") == option.Name);
            if (value is { } present && Value(present) is { Length: > 0 } text) words.Add(text);
        }
        return string.Join(' ', words);
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
