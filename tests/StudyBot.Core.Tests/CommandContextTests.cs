using StudyBot.Core.Chat;
using StudyBot.Core.Commands;
using StudyBot.Core.Content;

namespace StudyBot.Core.Tests;

public class CommandContextTests
{
    private static CommandContext On(string prefix) =>
        new(new ChannelAddress("p", "c"), new ChatUser("p", "u", "U"), true, Language.En, prefix);

    [Theory]
    [InlineData("/", "quiz", "/quiz")]
    [InlineData("/", "study now", "/study now")]
    [InlineData("/study ", "quiz", "/study quiz")]
    [InlineData("/study ", "topic ebs", "/study topic ebs")]
    [InlineData("/study ", "study setup 09:00 UTC", "/study setup 09:00 UTC")]
    public void Commands_are_written_the_way_the_platform_types_them(string prefix, string text, string typed) =>
        Assert.Equal(typed, On(prefix).Command(text));

    [Fact]
    public void Help_on_slack_lists_sub_commands_of_study()
    {
        var help = HelpCommand.Build(On("/study ")).Body;
        Assert.Contains("**/study topic <query>**", help, StringComparison.Ordinal);
        Assert.Contains("**/study setup <HH:mm> <time zone> [pack] [days]**", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/study study", help, StringComparison.Ordinal);
    }
}
