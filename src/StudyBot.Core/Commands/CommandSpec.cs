using StudyBot.Core.Content;

namespace StudyBot.Core.Commands;

/// <summary>
/// A command as users see it: its name (with sub-command, "study setup"), Korean name, descriptions,
/// typed parameters and who may run it. Usage, help, parsing and every platform's registration come from it.
/// </summary>
/// <param name="NameKo">The Korean name of the last word ("설정" for "study setup").</param>
public sealed record CommandSpec(
    string Name,
    string NameKo,
    string DescriptionEn,
    string DescriptionKo,
    IReadOnlyList<ParameterSpec> Parameters,
    bool AdminOnly = false)
{
    /// <summary>The group a sub-command belongs to ("study" for "study setup"), or null for a top-level command.</summary>
    public string? Group => Name.Contains(' ', StringComparison.Ordinal) ? Name[..Name.IndexOf(' ', StringComparison.Ordinal)] : null;

    /// <summary>The last word of the name: the command itself, or the sub-command within its group.</summary>
    public string Leaf => Name[(Name.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    public ParameterSpec? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>"/study setup &lt;HH:mm&gt; &lt;time zone&gt; [pack]"; a way out such as "off" follows as " | off".</summary>
    public string Usage(Language language = Language.En)
    {
        var words = new List<string> { "/" + Name };
        words.AddRange(Parameters.Select(p => p.Required ? $"<{p.Placeholder(language)}>" : $"[{p.Placeholder(language)}]"));
        var usage = string.Join(' ', words);
        var ways = Parameters.Select(p => p.NotNeededAfter).OfType<string>().Distinct().ToList();
        return ways.Aggregate(usage, (line, way) => $"{line} | {way}");
    }
}

/// <summary>A command that carries sub-commands (<c>/study</c>); platforms register it once with its sub-commands inside.</summary>
public sealed record CommandGroup(string Name, string NameKo, string DescriptionEn, string DescriptionKo);
