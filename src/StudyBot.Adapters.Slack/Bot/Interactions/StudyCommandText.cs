using StudyBot.Core.Commands;

namespace StudyBot.Adapters.Slack.Bot.Interactions;

/// <summary>
/// Slack has one slash command, <c>/study</c>; its text is the command line the core parses, looked up
/// in the core's command table: <c>/study topic ebs</c> → <c>topic ebs</c> (a top-level command),
/// <c>/study setup 09:00 Asia/Seoul</c> → <c>study setup 09:00 Asia/Seoul</c> (a sub-command of study),
/// <c>/study</c> → <c>help</c>. Anything else stays a /study sub-command, which the core answers as unknown.
/// </summary>
internal static class StudyCommandText
{
    private static readonly string Study = CommandSpecs.Study.Name;

    public static string ToCommandLine(string? text)
    {
        var words = (text ?? "").Trim().TrimStart('/')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0].Equals(Study, StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        if (words.Count == 0) return HelpCommand.Definition.Name;

        var word = words[0].ToLowerInvariant();
        var topLevel = CommandSpecs.All.Any(s => s.Group is null && s.Name == word);
        var name = topLevel ? word : $"{Study} {word}";
        return string.Join(' ', [name, .. words.Skip(1)]);
    }
}
