using StudyBot.Core.Content;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

/// <summary>What a parameter holds, which decides how it is read, shown in usage and offered by platforms.</summary>
public enum ParameterKind
{
    /// <summary>One word, as typed (a pack id).</summary>
    Word,

    /// <summary>The rest of the line; must be the last parameter.</summary>
    Text,

    /// <summary>The rest of the line, naming a topic; platforms offer topic autocomplete.</summary>
    Topic,

    /// <summary>A local time, HH:mm.</summary>
    Time,

    /// <summary>An IANA time zone id (Asia/Seoul).</summary>
    TimeZone,

    /// <summary>A day of the week in English or Korean, or one of the parameter's own choices.</summary>
    Day,

    /// <summary>One of the parameter's choices.</summary>
    Choice,

    /// <summary>The rest of the line, naming days of the week: <c>daily</c>, <c>weekdays</c>, <c>mon,wed,fri</c>, <c>월,수,금</c>.</summary>
    Days,

    /// <summary>A study group to mention (Discord role, Slack user group; see <see cref="Study.GroupMentions"/>), or one of the parameter's choices.</summary>
    Role,
}

/// <summary>A fixed value of a parameter: <see cref="Value"/> is what the command reads; the Korean name and aliases are accepted too.</summary>
public sealed record ParameterChoice(string Value, string NameKo, params string[] Aliases)
{
    public bool Matches(string? text)
    {
        var key = text?.Trim();
        return !string.IsNullOrEmpty(key)
            && (key.Equals(Value, StringComparison.OrdinalIgnoreCase) || key == NameKo
                || Aliases.Any(a => a.Equals(key, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>
/// One parameter of a command, in the order it is typed. The command reads it by <see cref="Name"/>;
/// platforms register it under that name with the Korean name and descriptions.
/// </summary>
/// <param name="Required">Missing it is an error, unless an earlier parameter holds <paramref name="NotNeededAfter"/>.</param>
/// <param name="NotNeededAfter">A choice of an earlier parameter that makes this one unnecessary ("off" needs no time).</param>
public sealed record ParameterSpec(
    string Name,
    string NameKo,
    ParameterKind Kind,
    string DescriptionEn,
    string DescriptionKo,
    bool Required = false,
    IReadOnlyList<ParameterChoice>? Choices = null,
    string? NotNeededAfter = null)
{
    /// <summary>Choices offered to the user: the days (for a day) followed by the parameter's own.</summary>
    public IReadOnlyList<ParameterChoice> AllChoices =>
        Kind == ParameterKind.Day ? [.. CommandValues.Days, .. Choices ?? []] : Choices ?? [];

    /// <summary>Takes the rest of the line rather than one word.</summary>
    public bool TakesRest => Kind is ParameterKind.Text or ParameterKind.Topic or ParameterKind.Days;

    /// <summary>Whether a platform must insist on it (one that allows a way out, such as "off", cannot).</summary>
    public bool AlwaysRequired => Required && NotNeededAfter is null;

    /// <summary>What the value is called in messages: "time zone", "시간대".</summary>
    public string Label(Language language) => Kind switch
    {
        ParameterKind.TimeZone => Say.In(language, "time zone", NameKo),
        _ => Say.In(language, Name, NameKo),
    };

    /// <summary>The parameter in a usage line: the time as "HH:mm", choices as "week|all", otherwise its label.</summary>
    public string Placeholder(Language language) => Kind switch
    {
        ParameterKind.Time => "HH:mm",
        ParameterKind.Choice => string.Join('|', AllChoices.Select(c => c.Value)),
        _ => Label(language),
    };
}
