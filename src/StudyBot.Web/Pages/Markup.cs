using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace StudyBot.Web.Pages;

/// <summary>HTML that is already safe to write: made only by <see cref="Html.Of"/>, which encodes every text it is given.</summary>
public readonly record struct Markup(string Value)
{
    public static Markup Empty { get; } = new("");

    public override string ToString() => Value ?? "";
}

/// <summary>
/// Builds <see cref="Markup"/> from an interpolated string: the literal parts are the page's own HTML, every
/// hole is encoded unless it is <see cref="Markup"/> already. Member names and topic texts are user input, so
/// forgetting to encode one is made impossible rather than merely unlikely.
/// </summary>
[InterpolatedStringHandler]
public readonly ref struct HtmlHandler
{
    private readonly StringBuilder _builder;

    public HtmlHandler(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string literal) => _builder.Append(literal);

    public void AppendFormatted(Markup markup) => _builder.Append(markup.Value);

    public void AppendFormatted(IEnumerable<Markup> parts)
    {
        foreach (var part in parts) _builder.Append(part.Value);
    }

    public void AppendFormatted(string? text) => _builder.Append(WebUtility.HtmlEncode(text));

    // Numbers in the invariant culture: "0.25", never "0,25", whatever the server's locale.
    public void AppendFormatted<T>(T value, string? format = null) where T : IFormattable =>
        _builder.Append(WebUtility.HtmlEncode(value.ToString(format, CultureInfo.InvariantCulture)));

    internal Markup ToMarkup() => new(_builder.ToString());
}

public static class Html
{
    public static Markup Of(ref HtmlHandler html) => html.ToMarkup();

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary>A share as a whole percent ("67%"), or a dash when there is nothing to divide.</summary>
    public static string Percent(double? share) =>
        share is { } s ? Math.Round(s * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%" : "—";
}
