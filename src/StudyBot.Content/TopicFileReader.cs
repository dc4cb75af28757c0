using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using StudyBot.Core.Content;

namespace StudyBot.Content;

/// <summary>
/// Reads <c>topics/*.md</c>. A file with YAML front matter is one structured topic; a file without
/// it is plain notes, read by <see cref="NotesReader"/>.
/// </summary>
internal static class TopicFileReader
{
    private const string Summary = "Summary", SummaryKo = "요약", KeyFacts = "Key facts", KeyFactsKo = "핵심 정리";
    private static readonly string[] FrontMatterKeys = ["id", "title", "aliases"];
    private static readonly string[] Sections = [Summary, SummaryKo, KeyFacts, KeyFactsKo];

    public static bool HasFrontMatter(string text) => text.StartsWith("---", StringComparison.Ordinal);

    public static Topic ReadStructured(string path, string text, Language packLanguage)
    {
        var document = Markdown.Parse(text, MarkdownText.Pipeline);
        var front = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new ContentException(path, 1, "front matter must start with '---' on the first line and end with '---'");

        var yaml = new YamlFile(path, lineOffset: front.Line + 1);
        var map = yaml.Mapping(yaml.Parse(front.Lines.ToString()), "the front matter", FrontMatterKeys);
        var id = yaml.RequiredString(map, "id", "the front matter");
        if (!PackManifest.IdPattern.IsMatch(id))
            throw yaml.Error(YamlFile.Get(map, "id")!, $"topic id '{id}' must be lowercase letters, digits and '-'");
        var titleNode = YamlFile.Get(map, "title") ?? throw yaml.Error(map, "the front matter has no 'title'");
        var title = yaml.Localized(titleNode, "title", packLanguage);
        var aliases = YamlFile.Get(map, "aliases") is { } aliasNode
            ? yaml.Sequence(aliasNode, "aliases").Children.Select(n => yaml.Scalar(n, "an alias")).ToList()
            : [];

        string? section = null;
        var summary = new Dictionary<string, string>();
        var facts = new Dictionary<string, List<string>> { [KeyFacts] = [], [KeyFactsKo] = [] };
        foreach (var block in document.Where(b => b is not YamlFrontMatterBlock))
        {
            switch (block)
            {
                case HeadingBlock { Level: 2 } heading:
                    section = MarkdownText.HeadingText(text, heading);
                    if (!Sections.Contains(section))
                        throw new ContentException(path, heading.Line + 1, $"unknown section '## {section}'; a topic has {string.Join(", ", Sections.Select(s => $"'## {s}'"))}");
                    break;
                case HeadingBlock heading:
                    throw new ContentException(path, heading.Line + 1, "only '##' section headings belong in a topic file");
                case ParagraphBlock paragraph when section is Summary or SummaryKo:
                    summary[section] = summary.TryGetValue(section, out var before) ? $"{before}\n\n{MarkdownText.Flatten(text, paragraph)}" : MarkdownText.Flatten(text, paragraph);
                    break;
                case ListBlock list when section is KeyFacts or KeyFactsKo:
                    facts[section].AddRange(MarkdownText.ListItems(text, list));
                    break;
                default:
                    if (section is null) throw new ContentException(path, block.Line + 1, "text before the first '## Summary' section");
                    break;
            }
        }
        if (summary.Count == 0)
            throw new ContentException(path, front.Line + 1, $"topic '{id}' has no '## {Summary}' or '## {SummaryKo}' paragraph");

        return new Topic(id, title, aliases, new LocalizedText(summary.GetValueOrDefault(Summary), summary.GetValueOrDefault(SummaryKo)),
            facts[KeyFacts], facts[KeyFactsKo], new SourceLocation(path, 1));
    }
}
