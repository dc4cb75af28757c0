using System.Net;
using System.Text;

namespace StudyBot.Tests;

/// <summary>
/// Reads a text file the way Anki's importer does (manual: "Importing" → "Text files" and "File headers"):
/// leading <c>#key:value</c> lines are headers; then one note per record, fields split by the separator,
/// a field starting with a double quote runs to its closing quote (<c>""</c> is a quote inside, and the
/// separator and line breaks are text there); with <c>#html:true</c> a field is HTML.
/// </summary>
internal sealed record AnkiTextImport(IReadOnlyDictionary<string, string> Headers, IReadOnlyList<IReadOnlyList<string>> Notes)
{
    public char Separator => Headers["separator"].ToLowerInvariant() switch
    {
        "tab" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "space" => ' ',
        "pipe" => '|',
        "colon" => ':',
        var literal => literal.Single(),
    };

    public IReadOnlyList<string> Columns => Headers["columns"].Split(Separator);

    /// <summary>A field as Anki shows it: line breaks for &lt;br&gt;, entities decoded.</summary>
    public static string Shown(string htmlField) => WebUtility.HtmlDecode(htmlField.Replace("<br>", "\n", StringComparison.Ordinal));

    public static AnkiTextImport Parse(string text)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = 0;
        while (at < text.Length && text[at] == '#')
        {
            var end = text.IndexOf('\n', at);
            var line = text[(at + 1)..(end < 0 ? text.Length : end)];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) headers[line[..colon]] = line[(colon + 1)..];
            at = end < 0 ? text.Length : end + 1;
        }
        var import = new AnkiTextImport(headers, []);
        return import with { Notes = Records(text[at..], import.Separator) };
    }

    private static List<IReadOnlyList<string>> Records(string body, char separator)
    {
        var notes = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < body.Length && body[i + 1] == '"') field.Append(body[++i]);
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                notes.Add(fields);
                fields = [];
            }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            notes.Add(fields);
        }
        return notes;
    }
}
