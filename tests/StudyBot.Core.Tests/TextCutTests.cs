using StudyBot.Core.Text;

namespace StudyBot.Core.Tests;

public sealed class TextCutTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("abcdef", 4, "abc…")]
    [InlineData("ab😀cd", 4, "ab…")]
    [InlineData("ab😀cd", 5, "ab😀…")]
    [InlineData("abc", 1, "")]
    public void Cuts_to_the_limit_without_splitting_an_emoji(string text, int limit, string expected)
    {
        var cut = TextCut.ToLength(text, limit);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= limit);
        Assert.False(cut.Length > 0 && char.IsHighSurrogate(cut[^1]));
    }
}
