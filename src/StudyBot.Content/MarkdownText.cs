using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace StudyBot.Content;

/// <summary>Markdig parsing plus the few ways topics need text out of blocks.</summary>
internal static partial class MarkdownText
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)|<[^>]+>")]
    private static partial Regex ImagesAndTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The block's text as written, on one line, without images or HTML tags.</summary>
    public static string Flatten(string source, Block block)
    {
        var raw = source.Substring(block.Span.Start, Math.Min(block.Span.Length, source.Length - block.Span.Start));
        return Spaces().Replace(ImagesAndTags().Replace(raw, " "), " ").Trim();
    }

    /// <summary>A heading's text: the first source line without '#' marks (setext underlines dropped).</summary>
    public static string HeadingText(string source, HeadingBlock heading)
    {
        var firstLine = Flatten(source, heading).Split('\n')[0];
        if (heading.IsSetext)
        {
            var raw = source.Substring(heading.Span.Start, heading.Span.Length);
            firstLine = Spaces().Replace(raw.Split('\n')[0], " ").Trim();
        }
        return firstLine.Trim('#', ' ', '\t').Replace("**", "", StringComparison.Ordinal).Trim();
    }

    /// <summary>Each paragraph inside a list (nested lists included), in order: one key fact each.</summary>
    public static IEnumerable<string> ListItems(string source, ListBlock list) =>
        list.Descendants<ParagraphBlock>().Select(p => Flatten(source, p)).Where(t => t.Length > 0);
}
