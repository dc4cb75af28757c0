using StudyBot.Core.Content;
using StudyBot.Core.Text;

namespace StudyBot.Core.Items;

/// <summary>What may be wrong with a question, by <see cref="ItemAnalysis"/>'s rules.</summary>
public enum ItemFlag
{
    TooEasy,
    TooHard,
    SuspectKey,
    DeadDistractor,
}

public static class ItemFlags
{
    /// <summary>A stable, English code for files and URLs (CSV, the web page's filter).</summary>
    public static string Code(this ItemFlag flag) => flag switch
    {
        ItemFlag.TooEasy => "too-easy",
        ItemFlag.TooHard => "too-hard",
        ItemFlag.SuspectKey => "suspect-key",
        _ => "dead-distractor",
    };

    public static string Name(this ItemFlag flag, Language language) => flag switch
    {
        ItemFlag.TooEasy => Say.In(language, "too easy", "너무 쉬움"),
        ItemFlag.TooHard => Say.In(language, "too hard", "너무 어려움"),
        ItemFlag.SuspectKey => Say.In(language, "suspect key", "정답 의심"),
        _ => Say.In(language, "dead distractor", "아무도 안 고른 오답"),
    };
}
