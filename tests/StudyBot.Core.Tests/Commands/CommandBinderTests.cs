using StudyBot.Core.Chat;
using StudyBot.Core.Commands;
using StudyBot.Core.Content;

namespace StudyBot.Core.Tests.Commands;

public sealed class CommandBinderTests
{
    private static CommandContext In(Language language) =>
        new(new ChannelAddress("p", "c"), new ChatUser("p", "u", "U"), true, language);

    private static CommandArgs Bind(CommandSpec spec, string line)
    {
        Assert.True(CommandBinder.TryBind(spec, CommandLine.Parse(line), In(Language.En), out var args, out var error), error?.Message.Body);
        return args;
    }

    private static ChatMessage Refusal(CommandSpec spec, string line, Language language = Language.En)
    {
        Assert.False(CommandBinder.TryBind(spec, CommandLine.Parse(line), In(language), out _, out var error));
        Assert.True(error.Ephemeral);
        return error.Message;
    }

    [Fact]
    public void Setup_reads_a_time_a_time_zone_and_an_optional_pack_by_name()
    {
        var args = Bind(StudySetupCommand.Definition, "study setup 9:05 Asia/Seoul aws-saa");

        Assert.Equal(new TimeOnly(9, 5), args.Time("time"));
        Assert.Equal("Asia/Seoul", args.TimeZone("timezone").Id);
        Assert.Equal("aws-saa", args.Text("pack"));
        Assert.False(Bind(StudySetupCommand.Definition, "study setup 09:00 UTC").Has("pack"));
    }

    [Fact]
    public void A_missing_required_parameter_is_named_with_the_usage()
    {
        var message = Refusal(StudySetupCommand.Definition, "study setup 09:00");

        Assert.Equal("Missing time zone", message.Title);
        Assert.Contains("IANA time zone, e.g. Asia/Seoul", message.Body, StringComparison.Ordinal);
        Assert.Contains("Usage: /study setup <HH:mm> <time zone> [pack] [days]", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_value_is_quoted_and_explained_in_Korean_too()
    {
        var message = Refusal(StudySetupCommand.Definition, "study setup 25:00 UTC", Language.Ko);

        Assert.Equal("\"25:00\"은(는) 올바른 시각 값이 아니에요", message.Title);
        Assert.Contains("사용법: /study setup <HH:mm> <시간대> [팩]", message.Body, StringComparison.Ordinal);
        Assert.Equal("\"Mars/Olympus\" is not a valid time zone", Refusal(StudySetupCommand.Definition, "study setup 09:00 Mars/Olympus").Title);
    }

    [Theory]
    [InlineData("leaderboard", null)]
    [InlineData("leaderboard ALL", "all")]
    [InlineData("leaderboard 전체", "all")]
    [InlineData("leaderboard all-time", "all")]
    [InlineData("leaderboard 주간", "week")]
    public void Choices_accept_Korean_names_and_aliases_and_read_as_their_value(string line, string? value) =>
        Assert.Equal(value, Bind(LeaderboardCommand.Definition, line).Text("scope"));

    [Fact]
    public void An_unknown_choice_lists_the_choices()
    {
        var message = Refusal(LeaderboardCommand.Definition, "leaderboard monthly");

        Assert.Equal("\"monthly\" is not a valid scope", message.Title);
        Assert.Contains("Choices: week, all.", message.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("study board sunday 20:00", DayOfWeek.Sunday)]
    [InlineData("study board 금 7:30", DayOfWeek.Friday)]
    [InlineData("study board Wed 07:30", DayOfWeek.Wednesday)]
    public void Board_reads_a_day_in_English_or_Korean_and_a_time(string line, DayOfWeek day)
    {
        var args = Bind(StudyBoardCommand.Definition, line);

        Assert.Equal(day, args.Day("day"));
        Assert.True(args.Has("time"));
    }

    [Fact]
    public void Off_needs_no_time_but_a_day_does()
    {
        Assert.Null(Bind(StudyBoardCommand.Definition, "study board off").Day("day"));
        Assert.Null(Bind(StudyBoardCommand.Definition, "study board 끄기").Day("day"));
        Assert.Equal("Missing time", Refusal(StudyBoardCommand.Definition, "study board sunday").Title);
        Assert.Equal("Missing day", Refusal(StudyBoardCommand.Definition, "study board").Title);
    }

    [Fact]
    public void Text_takes_the_rest_of_the_line_and_an_absent_optional_one_is_null()
    {
        Assert.Equal("보안 그룹", Bind(TopicCommand.Definition, "topic 보안 그룹").Text("query"));
        Assert.Null(Bind(QuizCommand.Definition, "quiz").Text("topic"));
        Assert.Equal("Missing query", Refusal(TopicCommand.Definition, "topic").Title);
    }

    [Fact]
    public void Reading_a_parameter_the_spec_does_not_declare_is_a_programming_error()
    {
        var args = Bind(QuizCommand.Definition, "quiz s3");

        Assert.Throws<ArgumentException>(() => args.Text("query"));
    }
}
