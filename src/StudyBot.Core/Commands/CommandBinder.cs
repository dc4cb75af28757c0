using StudyBot.Core.Chat;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

/// <summary>
/// Reads a command line against its spec, once, before the command runs: words fill the parameters in
/// order (text takes the rest of the line), each is checked for its kind, and a missing or wrong one gets
/// a private reply that names it and shows the usage. Words beyond the last parameter are ignored.
/// </summary>
public static class CommandBinder
{
    public static bool TryBind(CommandSpec spec, CommandLine line, CommandContext context, out CommandArgs args, out ChatReply error)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        args = new CommandArgs(spec, values);
        error = null!;
        var position = 0;
        foreach (var parameter in spec.Parameters)
        {
            var text = parameter.TakesRest
                ? string.Join(' ', line.Args.Skip(position))
                : line.Arg(position);
            position = parameter.TakesRest ? line.Args.Count : position + 1;

            if (string.IsNullOrWhiteSpace(text))
            {
                var excused = parameter.NotNeededAfter is { } way && values.Values.OfType<string>().Contains(way);
                if (!parameter.Required || excused) continue;
                error = Missing(spec, parameter, context);
                return false;
            }
            if (Read(parameter, text) is not { } value)
            {
                error = Invalid(spec, parameter, text, context);
                return false;
            }
            values[parameter.Name] = value;
        }
        return true;
    }

    private static object? Read(ParameterSpec parameter, string text) => parameter.Kind switch
    {
        ParameterKind.Time => CommandValues.TryTime(text, out var time) ? time : null,
        ParameterKind.TimeZone => TimeZones.TryFind(text, out var zone) ? zone : null,
        ParameterKind.Days => StudyDays.TryParse(text, out var days) ? days : null,
        ParameterKind.Day when CommandValues.TryDay(text, out var day) => day,
        ParameterKind.Role when GroupMentions.TryParse(text, out var group) => group,
        ParameterKind.Day or ParameterKind.Choice or ParameterKind.Role => parameter.AllChoices.FirstOrDefault(c => c.Matches(text))?.Value,
        _ => text,
    };

    private static ChatReply Missing(CommandSpec spec, ParameterSpec parameter, CommandContext context)
    {
        var language = context.Language;
        return ChatReply.Private(
            Say.In(language, $"Missing {parameter.Label(language)}", $"{parameter.Label(language)} 값이 필요해요"),
            Explain(spec, parameter, context));
    }

    private static ChatReply Invalid(CommandSpec spec, ParameterSpec parameter, string text, CommandContext context)
    {
        var language = context.Language;
        var shown = TextCut.ToLength(text, 40);
        return ChatReply.Private(
            Say.In(language, $"\"{shown}\" is not a valid {parameter.Label(language)}", $"\"{shown}\"은(는) 올바른 {parameter.Label(language)} 값이 아니에요"),
            Explain(spec, parameter, context));
    }

    // The parameter's own description says what fits ("IANA time zone, e.g. Asia/Seoul"); the usage shows where.
    private static string Explain(CommandSpec spec, ParameterSpec parameter, CommandContext context)
    {
        var language = context.Language;
        var usage = context.Command(spec.Usage(language).TrimStart('/'));
        var choices = parameter.AllChoices.Count == 0 ? ""
            : Say.In(language, " Choices: ", " 선택: ") + string.Join(", ", parameter.AllChoices.Select(c => Say.In(language, c.Value, c.NameKo))) + ".";
        return Say.In(language,
            $"{parameter.Label(language)}: {parameter.DescriptionEn}.{choices}\nUsage: {usage}",
            $"{parameter.Label(language)}: {parameter.DescriptionKo}.{choices}\n사용법: {usage}");
    }
}
