using StudyBot.Core.Commands;

namespace StudyBot.Adapters.Slack.Interactions;

/// <summary>
/// Slack has one slash command, <c>/study</c>; its text is the command line the core parses:
/// <c>/study topic ebs</c> → <c>topic ebs</c>, <c>/study setup 09:00 Asia/Seoul</c> →
/// <c>study setup 09:00 Asia/Seoul</c>, <c>/study</c> → <c>help</c>.
/// </summary>
internal static class StudyCommandText
{
    private const string Study = "study";

    // Commands everyone runs: "/study quiz" means "/quiz". Everything else is a /study sub-command.
    private static readonly HashSet<string> TopLevel = CommandSpecs.All
        .Select(s => s.Name).Where(n => !n.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

    public static string ToCommandLine(string? text)
    {
        var words = (text ?? "").Trim().TrimStart('/')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0].Equals(Study, StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        if (words.Count == 0) return CommandSpecs.Help.Name;

        var sub = words[0].ToLowerInvariant();
        var rest = words.Skip(1).ToList();
        // "leaderboard" is both the board (/leaderboard [week|all]) and its schedule
        // (/study leaderboard <day> <HH:mm> | off): a day and a time, or "off", mean the schedule.
        var isBoard = sub == CommandSpecs.Leaderboard.Name
            && (rest.Count == 0 || (rest.Count == 1 && !rest[0].Equals("off", StringComparison.OrdinalIgnoreCase) && rest[0] != "끄기"));
        var name = TopLevel.Contains(sub) && (sub != CommandSpecs.Leaderboard.Name || isBoard) ? sub : $"{Study} {sub}";
        return string.Join(' ', [name, .. rest]);
    }
}
