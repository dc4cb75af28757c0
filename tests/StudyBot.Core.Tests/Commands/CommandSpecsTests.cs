using StudyBot.Core.Commands;

namespace StudyBot.Core.Tests.Commands;

public sealed class CommandSpecsTests
{
    [Fact]
    public void Usage_comes_from_the_parameters()
    {
        Assert.Equal("/help", HelpCommand.Definition.Usage());
        Assert.Equal("/topic <query>", TopicCommand.Definition.Usage());
        Assert.Equal("/quiz [topic]", QuizCommand.Definition.Usage());
        Assert.Equal("/leaderboard [week|all]", LeaderboardCommand.Definition.Usage());
        Assert.Equal("/study setup <HH:mm> <time zone> [pack] [days]", StudySetupCommand.Definition.Usage());
        Assert.Equal("/study board <day> <HH:mm> | off", StudyBoardCommand.Definition.Usage());
        Assert.Equal("/study board <요일> <HH:mm> | off", StudyBoardCommand.Definition.Usage(Content.Language.Ko));
    }

    [Fact]
    public void Every_command_has_a_unique_name_and_handler()
    {
        Assert.Equal(CommandSpecs.All.Count, CommandSpecs.All.Select(s => s.Name).Distinct().Count());
        Assert.Equal(CommandSpecs.Table.Count, CommandSpecs.Table.Select(e => e.Handler).Distinct().Count());
    }

    [Fact]
    public void No_sub_command_shares_a_name_with_a_top_level_command()
    {
        // Slack types both as "/study <word>", so a shared word would be ambiguous (as "leaderboard" once was).
        var topLevel = CommandSpecs.All.Where(s => s.Group is null).Select(s => s.Name).ToHashSet();

        Assert.All(CommandSpecs.All.Where(s => s.Group is not null), s => Assert.DoesNotContain(s.Leaf, topLevel));
    }

    [Fact]
    public void Every_group_is_declared_and_text_parameters_come_last()
    {
        Assert.All(CommandSpecs.All.Where(s => s.Group is not null), s => Assert.NotNull(CommandSpecs.FindGroup(s.Group)));
        Assert.All(CommandSpecs.All, s => Assert.DoesNotContain(s.Parameters.SkipLast(1), p => p.TakesRest));
    }

    [Fact]
    public void A_parameter_excused_by_a_choice_follows_a_parameter_offering_it()
    {
        foreach (var spec in CommandSpecs.All)
        {
            for (var i = 0; i < spec.Parameters.Count; i++)
            {
                if (spec.Parameters[i].NotNeededAfter is not { } way) continue;
                Assert.Contains(spec.Parameters.Take(i), p => p.AllChoices.Any(c => c.Value == way));
            }
        }
    }
}
