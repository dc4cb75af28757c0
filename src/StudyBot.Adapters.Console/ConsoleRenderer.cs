using System.Text;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Console;

/// <summary>Plain-text rendering of a message, with the letter to type for each button.</summary>
internal static class ConsoleRenderer
{
    public static string Render(ChatMessage message, string heading)
    {
        var text = new StringBuilder().Append('\n').Append("── ").Append(heading).Append(" ──\n");
        // The console cannot ping; it shows whom the post would notify on a real platform.
        if (message.MentionGroupId is { } group) text.Append("🔔 @study-group ").Append(group).Append('\n');
        if (message.Title.Length > 0) text.Append(Plain(message.Title)).Append('\n');
        if (message.Body.Length > 0) text.Append(Plain(message.Body)).Append('\n');
        foreach (var field in message.Fields) text.Append(Plain(field.Name)).Append(": ").Append(Plain(field.Value)).Append('\n');
        if (message.Buttons.Count > 0)
            text.Append(string.Join("   ", ConsoleKeys.For(message.Buttons).Select(Shown))).Append('\n');
        if (message.Footer is { Length: > 0 } footer) text.Append(Plain(footer)).Append('\n');
        return text.ToString();
    }

    /// <summary>A choice shows its letter already; any other button is shown with the letter that presses it.</summary>
    private static string Shown((char Key, ChatButton Button) key) =>
        ConsoleKeys.IsChoice(key.Button) ? $"[{key.Button.Label}]" : $"[{key.Key}: {key.Button.Label}]";

    private static string Plain(string markdown) => markdown.Replace("**", "", StringComparison.Ordinal);
}
