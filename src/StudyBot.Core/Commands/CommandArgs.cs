using StudyBot.Core.Study;

namespace StudyBot.Core.Commands;

/// <summary>
/// A command's arguments, read and checked against its spec by <see cref="CommandBinder"/>; commands read
/// them by parameter name. Asking for a name the spec does not declare is a programming error.
/// </summary>
public sealed class CommandArgs(CommandSpec spec, IReadOnlyDictionary<string, object> values)
{
    public static CommandArgs None(CommandSpec spec) => new(spec, new Dictionary<string, object>());

    public bool Has(string name) => Value(name) is not null;

    /// <summary>A word, text or choice (the choice's value, "all" for "전체"); null when left out.</summary>
    public string? Text(string name) => Value(name) switch
    {
        null => null,
        string text => text,
        var other => throw Mismatch(name, other),
    };

    public TimeOnly Time(string name) => Value(name) is TimeOnly time ? time : throw Missing(name);

    public TimeZoneInfo TimeZone(string name) => Value(name) is TimeZoneInfo zone ? zone : throw Missing(name);

    public StudyDays? Days(string name) => Value(name) as StudyDays?;

    /// <summary>The day, or null when the parameter holds one of its own choices instead ("off").</summary>
    public DayOfWeek? Day(string name) => Value(name) as DayOfWeek?;

    private object? Value(string name)
    {
        if (spec.Parameter(name) is null)
            throw new ArgumentException($"{spec.Name} has no parameter \"{name}\".", nameof(name));
        return values.GetValueOrDefault(name);
    }

    private InvalidOperationException Missing(string name) => new($"{spec.Name}: \"{name}\" is missing or not of that kind.");

    private InvalidOperationException Mismatch(string name, object value) => new($"{spec.Name}: \"{name}\" holds a {value.GetType().Name}.");
}
