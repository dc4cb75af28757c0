using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Adapters.Discord.Bot.Interactions;

namespace StudyBot.Adapters.Discord.Tests.Interactions;

public sealed class CommandLineMapperTests
{
    [Fact]
    public void A_role_option_gives_its_id_an_empty_one_means_off_and_the_servers_own_id_is_everyone()
    {
        JsonObject Role(string id) => new() { ["name"] = "role", ["type"] = 8, ["value"] = id };

        Assert.Equal("study ping 987654321098765432", CommandLineMapper.ToCommandLine(Data("study", Payloads.SubCommand("ping", Role("987654321098765432"))), "guild-1"));
        Assert.Equal("study ping off", CommandLineMapper.ToCommandLine(Data("study", Payloads.SubCommand("ping")), "guild-1"));
        Assert.Equal("study ping @everyone", CommandLineMapper.ToCommandLine(Data("study", Payloads.SubCommand("ping", Role("guild-1"))), "guild-1"));
    }

    [Theory]
    [InlineData("help", "help")]
    [InlineData("stats", "stats")]
    [InlineData("quiz", "quiz")]
    [InlineData("study", "study")]
    [InlineData("no-such-command", "no-such-command")]
    public void A_command_without_options_maps_to_its_name(string name, string expected) =>
        Assert.Equal(expected, CommandLineMapper.ToCommandLine(Data(name)));

    [Fact]
    public void Options_follow_the_declared_order_and_absent_optional_ones_are_left_out()
    {
        var data = Data("study", Payloads.SubCommand("setup",
            Payloads.Option("pack", "aws-saa"), Payloads.Option("timezone", "Asia/Seoul"), Payloads.Option("time", "09:00")));

        Assert.Equal("study setup 09:00 Asia/Seoul aws-saa", CommandLineMapper.ToCommandLine(data));
        Assert.Equal("study board sunday 20:00", CommandLineMapper.ToCommandLine(Data("study",
            Payloads.SubCommand("board", Payloads.Option("time", "20:00"), Payloads.Option("day", "sunday")))));
        Assert.Equal("study board off", CommandLineMapper.ToCommandLine(Data("study", Payloads.SubCommand("board", Payloads.Option("day", "off")))));
        Assert.Equal("leaderboard all", CommandLineMapper.ToCommandLine(Data("leaderboard", Payloads.Option("scope", "all"))));
    }

    [Fact]
    public void Free_text_keeps_its_words_on_one_line()
    {
        var data = Data("quiz", Payloads.Option("topic", "  SQS\n FIFO\tqueues "));

        Assert.Equal("quiz SQS FIFO queues", CommandLineMapper.ToCommandLine(data));
    }

    [Fact]
    public void An_unknown_sub_command_or_option_is_not_passed_on()
    {
        Assert.Equal("study", CommandLineMapper.ToCommandLine(Data("study", Payloads.SubCommand("delete-everything"))));
        Assert.Equal("topic", CommandLineMapper.ToCommandLine(Data("topic", Payloads.Option("injected", "x"))));
    }

    [Fact]
    public void The_focused_option_is_found_at_the_top_level_or_inside_a_sub_command()
    {
        var top = Data("topic", new JsonObject { ["name"] = "query", ["type"] = 3, ["value"] = "eb", ["focused"] = true });
        var nested = Data("study", new JsonObject
        {
            ["name"] = "setup", ["type"] = 1,
            ["options"] = new JsonArray(Payloads.Option("time", "09:00"), new JsonObject { ["name"] = "pack", ["type"] = 3, ["value"] = "aw", ["focused"] = true }),
        });

        Assert.Equal(("query", "eb"), CommandLineMapper.Focused(top));
        Assert.Equal(("pack", "aw"), CommandLineMapper.Focused(nested));
        Assert.Null(CommandLineMapper.Focused(Data("help")));
    }

    [Fact]
    public void Only_a_focused_topic_parameter_asks_for_topic_suggestions()
    {
        var topic = Data("topic", new JsonObject { ["name"] = "query", ["type"] = 3, ["value"] = "eb", ["focused"] = true });
        var pack = Data("study", new JsonObject
        {
            ["name"] = "setup", ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "pack", ["type"] = 3, ["value"] = "aw", ["focused"] = true }),
        });

        Assert.Equal("eb", CommandLineMapper.FocusedTopic(topic));
        Assert.Null(CommandLineMapper.FocusedTopic(pack));
        Assert.Null(CommandLineMapper.FocusedTopic(Data("help")));
    }

    private static JsonElement Data(string name, params JsonObject[] options) =>
        JsonSerializer.SerializeToElement(new JsonObject
        {
            ["id"] = "1", ["name"] = name, ["type"] = 1,
            ["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray()),
        });
}
