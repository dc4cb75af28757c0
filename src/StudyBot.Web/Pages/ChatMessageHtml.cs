using System.Text.RegularExpressions;
using StudyBot.Core.Chat;

namespace StudyBot.Web.Pages;

/// <summary>
/// A core <see cref="ChatMessage"/> as HTML, the way the chat adapters show it: title, body in the
/// core's Markdown subset (**bold**, "• " bullet lines, blank lines between paragraphs), then the fields.
/// </summary>
public static partial class ChatMessageHtml
{
    public static Markup Render(ChatMessage message, string id)
    {
        var fields = message.Fields.Select(f => Html.Of($"<dt>{f.Name}</dt><dd>{f.Value}</dd>"));
        return Html.Of($"""
            <article id="{id}" class="card">
            <h1>{message.Title}</h1>
            {Body(message.Body)}
            {(message.Fields.Count == 0 ? Markup.Empty : Html.Of($"<dl>{fields}</dl>"))}
            {(message.Footer is { Length: > 0 } footer ? Html.Of($"<footer>{footer}</footer>") : Markup.Empty)}
            </article>
            """);
    }

    private static Markup Body(string body)
    {
        var blocks = new List<Markup>();
        foreach (var paragraph in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            blocks.Add(lines.All(l => l.StartsWith("• ", StringComparison.Ordinal))
                ? Html.Of($"<ul>{lines.Select(l => Html.Of($"<li>{Inline(l[2..])}</li>"))}</ul>")
                : Html.Of($"<p>{Html.Join(lines.Select((l, i) => i == 0 ? Inline(l) : Html.Of($"<br>{Inline(l)}")))}</p>"));
        }
        return Html.Join(blocks);
    }

    /// <summary>Encodes first, then turns **bold** into strong: the asterisks survive encoding, so no user text becomes markup.</summary>
    private static Markup Inline(string text) => new(Bold().Replace(Html.Of($"{text}").Value, "<strong>$1</strong>"));

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
