namespace StudyBot.Core.Text;

/// <summary>
/// Cuts text to a platform's or a message's limit, marking the cut with "…". The one cut for the core
/// and every adapter: it never splits an emoji's surrogate pair, which Discord and Slack reject.
/// </summary>
public static class TextCut
{
    public static string ToLength(string text, int limit)
    {
        if (text.Length <= limit) return text;
        if (limit <= 1) return "";
        var keep = limit - 1;
        if (char.IsHighSurrogate(text[keep - 1])) keep--;
        return text[..keep] + "…";
    }
}
