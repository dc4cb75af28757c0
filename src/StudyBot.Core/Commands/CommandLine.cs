namespace StudyBot.Core.Commands;

/// <summary>
/// A command line split into its name (with sub-command, e.g. "study setup") and the words after it.
/// Commands never read the words themselves: <see cref="CommandBinder"/> reads them against the spec.
/// </summary>
public sealed record CommandLine(string Name, IReadOnlyList<string> Args)
{
    public string? Arg(int index) => index < Args.Count ? Args[index] : null;

    /// <summary>Parses "/topic ebs", "study setup 09:00 Asia/Seoul" or "/study" (which becomes "study").</summary>
    public static CommandLine Parse(string text)
    {
        var words = text.Trim().TrimStart('/').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return new CommandLine("", []);
        var name = words[0].ToLowerInvariant();
        if (name == "study" && words.Length > 1)
            return new CommandLine($"study {words[1].ToLowerInvariant()}", words[2..]);
        return new CommandLine(name, words[1..]);
    }
}
