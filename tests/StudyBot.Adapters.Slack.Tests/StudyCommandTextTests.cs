using StudyBot.Adapters.Slack.Bot.Interactions;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class StudyCommandTextTests
{
    [Theory]
    [InlineData("", "help")]
    [InlineData("   ", "help")]
    [InlineData(null, "help")]
    [InlineData("help", "help")]
    [InlineData("topic ebs", "topic ebs")]
    [InlineData("topic   보안 그룹", "topic 보안 그룹")]
    [InlineData("TOPIC EBS", "topic EBS")]
    [InlineData("quiz", "quiz")]
    [InlineData("quiz s3", "quiz s3")]
    [InlineData("stats", "stats")]
    [InlineData("leaderboard", "leaderboard")]
    [InlineData("leaderboard all", "leaderboard all")]
    [InlineData("leaderboard week", "leaderboard week")]
    [InlineData("board sunday 20:00", "study board sunday 20:00")]
    [InlineData("board off", "study board off")]
    // The board's schedule is "board" now, so "leaderboard" is always the board itself (the core checks the scope).
    [InlineData("leaderboard sunday 20:00", "leaderboard sunday 20:00")]
    [InlineData("setup 09:00 Asia/Seoul", "study setup 09:00 Asia/Seoul")]
    [InlineData("setup 09:00 Asia/Seoul aws-saa", "study setup 09:00 Asia/Seoul aws-saa")]
    [InlineData("stop", "study stop")]
    [InlineData("now", "study now")]
    [InlineData("close", "study close")]
    [InlineData("study now", "study now")]
    [InlineData("/topic ebs", "topic ebs")]
    [InlineData("bogus thing", "study bogus thing")]
    public void Slash_command_text_becomes_the_core_command_line(string? text, string expected) =>
        Assert.Equal(expected, StudyCommandText.ToCommandLine(text));
}
