using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using StudyBot.Core.Content;

namespace StudyBot.Content;

/// <summary>
/// Reads plain study notes: every heading with text under it becomes a topic (title = heading,
/// summary = first paragraph, key facts = list items), so a group's notes load unchanged.
/// </summary>
internal static partial class NotesReader
{
    // "#12 Title" is how many people number notes; CommonMark needs a space after '#', so those
    // lines are turned into headings first (same line count, so line numbers stay true).
    [GeneratedRegex(@"^#(\d+)(?:[ \t]+(.*))?$", RegexOptions.Multiline)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();

    public static IEnumerable<Topic> Read(string path, string text, Language language, ISet<string> usedIds)
    {
        var source = NumberedHeading().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), m => "## " + m.Groups[2].Value);
        var document = Markdown.Parse(source, MarkdownText.Pipeline);

        HeadingBlock? heading = null;
        string? summary = null;
        var facts = new List<string>();
        foreach (var block in document)
        {
            if (block is HeadingBlock next)
            {
                if (Build(path, source, heading, summary, facts, language, usedIds) is { } topic) yield return topic;
                (heading, summary, facts) = (next, null, []);
            }
            else if (heading is null) { }
            else if (block is ParagraphBlock paragraph)
            {
                var paragraphText = MarkdownText.Flatten(source, paragraph);
                if (summary is null) summary = paragraphText;
                else facts.Add(paragraphText);
            }
            else if (block is ListBlock list)
            {
                facts.AddRange(MarkdownText.ListItems(source, list));
            }
        }
        if (Build(path, source, heading, summary, facts, language, usedIds) is { } last) yield return last;
    }

    private static Topic? Build(string path, string source, HeadingBlock? heading, string? summary, List<string> facts, Language language, ISet<string> usedIds)
    {
        if (heading is null) return null;
        var title = MarkdownText.HeadingText(source, heading);
        if (title.Length == 0 || (summary is null && facts.Count == 0)) return null;

        summary ??= string.Join(" ", facts.Take(2));
        var id = UniqueId(Slug(title, heading.Line + 1), usedIds);
        var text = LocalizedText.Of(language, title);
        return new Topic(id, text, [], LocalizedText.Of(language, summary),
            language == Language.En ? facts : [], language == Language.Ko ? facts : [],
            new SourceLocation(path, heading.Line + 1));
    }

    private static string Slug(string title, int line)
    {
        var ascii = NonSlug().Replace(title.Normalize(NormalizationForm.FormKD).ToLowerInvariant(), "-").Trim('-');
        if (ascii.Length > 48) ascii = ascii[..48].TrimEnd('-');
        return ascii.Length == 0 ? $"note-line-{line}" : $"note-{ascii}";
    }

    private static string UniqueId(string id, ISet<string> usedIds)
    {
        var candidate = id;
        for (var n = 2; !usedIds.Add(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }
}
