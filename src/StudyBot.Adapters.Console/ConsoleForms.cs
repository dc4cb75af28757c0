using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Console;

/// <summary>
/// A form in the terminal: one prompt per field. A one-line field takes the next line; a multi-line field
/// takes lines up to an empty one. Where a field already holds text (an edit, a refused form), an empty
/// first line keeps it, so fixing one field does not mean retyping the others.
/// </summary>
public sealed class ConsoleForms(ConsoleTerminal terminal)
{
    /// <param name="only">Ask only these fields (the ones a refused form named); the rest keep their values.</param>
    /// <returns>The values, or null when the input ended half-way.</returns>
    public async Task<Dictionary<string, string>?> FillAsync(ChatForm form, IReadOnlyDictionary<string, string>? current, IReadOnlyCollection<string>? only, CancellationToken cancellationToken)
    {
        var values = form.Fields.ToDictionary(f => f.Id, f => current?.GetValueOrDefault(f.Id) ?? f.Value ?? "", StringComparer.Ordinal);
        if (only is null) terminal.Write($"── {form.Title} ──\n{form.Intro}\n");
        foreach (var field in form.Fields.Where(f => only is null || only.Contains(f.Id)))
        {
            var had = values[field.Id];
            var how = field.Multiline ? "several lines; an empty line ends" : "one line";
            var keep = had.Length > 0 ? $"; Enter keeps: {had.Replace('\n', '/')}" : field.Required ? "" : "; Enter skips";
            terminal.Write($"{field.Label} ({how}{keep})" + (field.Placeholder is { } hint ? $" · {hint}" : "") + "\n> ");
            var lines = new List<string>();
            while (true)
            {
                var line = await terminal.Input.ReadLineAsync(cancellationToken).AsTask().WaitAsync(cancellationToken);
                if (line is null) return null;
                if (line.Trim().Length == 0) break;
                lines.Add(line.Trim());
                if (!field.Multiline) break;
            }
            if (lines.Count > 0) values[field.Id] = string.Join('\n', lines);
        }
        return values;
    }
}
