using System.Text;
using System.Text.RegularExpressions;
using StudyBot.Core.Text;

namespace StudyBot.Adapters.Slack.Bot.BlockKit;

/// <summary>
/// Converts the core's small Markdown subset to Slack mrkdwn: <c>**bold**</c> becomes <c>*bold*</c>,
/// <c>_italic_</c> stays, "- " bullets become "• ". &amp;, &lt; and &gt; are escaped so user text
/// cannot form links or mentions.
/// </summary>
internal static partial class SlackMrkdwn
{
    public static string FromMarkdown(string markdown)
    {
        var lines = Escape(markdown).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new StringBuilder(markdown.Length);
        foreach (var line in lines)
        {
            if (result.Length > 0) result.Append('\n');
            var text = Bullet().Replace(line, "$1• ");
            result.Append(Bold().Replace(text, "*$1*"));
        }
        return result.ToString();
    }

    /// <summary>Plain text for header and button labels: no markup, Markdown markers dropped.</summary>
    public static string PlainText(string markdown) => Bold().Replace(markdown, "$1");

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Cuts escaped mrkdwn to <paramref name="limit"/> without leaving half an entity ("&amp;am…"), which
    /// Slack would show as a stray "&amp;am" instead of "&amp;".
    /// </summary>
    public static string Cut(string mrkdwn, int limit)
    {
        var cut = TextCut.ToLength(mrkdwn, limit);
        if (cut.Length == mrkdwn.Length) return cut;
        var kept = cut[..^1];
        return PartialEntity().Replace(kept, "") + "…";
    }

    [GeneratedRegex(@"&[a-z]{0,3}$")]
    private static partial Regex PartialEntity();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"^(\s*)[-*] (?=\S)")]
    private static partial Regex Bullet();
}
