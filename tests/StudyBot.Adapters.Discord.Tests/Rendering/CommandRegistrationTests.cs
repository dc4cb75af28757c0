using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Core.Commands;

namespace StudyBot.Adapters.Discord.Tests.Rendering;

public sealed partial class CommandRegistrationTests
{
    private static readonly JsonArray Commands = CommandRegistration.Build();

    [Fact]
    public void Every_core_command_is_registered_as_a_slash_command_or_sub_command()
    {
        var names = Commands.SelectMany(c => Options(c).Any(o => (int?)o["type"] == 1)
            ? Options(c).Select(o => $"{(string?)c!["name"]} {(string?)o["name"]}")
            : [(string)c!["name"]!]).ToHashSet();

        Assert.All(CommandSpecs.All, spec => Assert.Contains(spec.Name, names));
    }

    [Fact]
    public void Study_is_for_servers_and_shown_to_every_member_since_join_and_leave_are_theirs()
    {
        var study = Command("study");

        // Discord's default_member_permissions hides a whole command, sub-commands and all: /study join is for
        // everyone, so the core's admin check on every use is what keeps the settings to channel managers.
        Assert.Equal([0], study["contexts"]!.AsArray().Select(c => (int)c!));
        Assert.All(Commands, c => Assert.Null(c!["default_member_permissions"]));
        Assert.Contains(CommandSpecs.All, s => s.Group == "study" && !s.AdminOnly);
    }

    [Fact]
    public void Commands_for_one_server_leave_out_the_global_only_fields()
    {
        var guild = CommandRegistration.Build(global: false);

        Assert.All(guild, c => Assert.Null(c!["contexts"]));
        Assert.All(guild, c => Assert.Null(c!["integration_types"]));
        Assert.All(guild, c => Assert.Null(c!["default_member_permissions"]));
    }

    [Fact]
    public void The_study_role_is_Discords_role_picker_and_leaving_it_out_means_off()
    {
        var role = Options(Options(Command("study")).Single(o => (string?)o["name"] == "ping")).Single();

        Assert.Equal((8, false), ((int)role["type"]!, (bool)role["required"]!));
        Assert.Null(role["choices"]);
    }

    [Fact]
    public void Topic_and_quiz_options_autocomplete()
    {
        Assert.True((bool?)Options(Command("topic")).Single()["autocomplete"]);
        Assert.True((bool?)Options(Command("topic")).Single()["required"]);
        Assert.True((bool?)Options(Command("quiz")).Single()["autocomplete"]);
    }

    [Fact]
    public void Names_and_descriptions_are_valid_and_localized_in_Korean()
    {
        foreach (var node in AllNamed())
        {
            var name = (string)node["name"]!;
            var ko = (string)node["name_localizations"]!["ko"]!;
            Assert.Matches(NamePattern(), name);
            Assert.Matches(NamePattern(), ko);
            Assert.Equal(name.ToLowerInvariant(), name);
            var description = (string)node["description"]!;
            var descriptionKo = (string)node["description_localizations"]!["ko"]!;
            Assert.InRange(description.Length, 1, 100);
            Assert.InRange(descriptionKo.Length, 1, 100);
            Assert.Matches(@"\p{IsHangulSyllables}", descriptionKo);
        }
    }

    [Fact]
    public void Required_options_come_before_optional_ones()
    {
        foreach (var node in AllNamed().Where(n => (int?)n["type"] is 1 && n["options"] is not null))
        {
            var required = Options(node).Where(o => (int?)o["type"] == 3).Select(o => (bool?)o["required"] == true).ToList();
            Assert.Equal(required.OrderByDescending(r => r), required);
        }
    }

    [Fact]
    public void Fixed_choices_carry_Korean_names()
    {
        var day = Options(Options(Command("study")).Single(o => (string?)o["name"] == "board")).Single(o => (string?)o["name"] == "day");

        var choices = day["choices"]!.AsArray();
        Assert.Equal(8, choices.Count);
        Assert.Equal("일요일", (string?)choices[0]!["name_localizations"]!["ko"]);
        Assert.Equal("off", (string?)choices[7]!["value"]);
    }

    [Fact]
    public void Every_parameter_of_the_table_is_registered_with_its_Korean_name_in_order()
    {
        foreach (var spec in CommandSpecs.All)
        {
            var node = spec.Group is null ? Command(spec.Name) : Options(Command(spec.Group)).Single(o => (string?)o["name"] == spec.Leaf);
            Assert.Equal(spec.NameKo, (string?)node["name_localizations"]!["ko"]);
            var options = Options(node).ToList();
            Assert.Equal(spec.Parameters.Select(p => p.Name), options.Select(o => (string?)o["name"]));
            Assert.Equal(spec.Parameters.Select(p => p.NameKo), options.Select(o => (string?)o["name_localizations"]!["ko"]));
            // A role option cannot offer "off", so it is optional and an empty one means off.
            Assert.Equal(spec.Parameters.Select(p => p.AlwaysRequired && p.Kind != ParameterKind.Role), options.Select(o => (bool)o["required"]!));
        }
    }

    private static JsonNode Command(string name) => Commands.Single(c => (string?)c!["name"] == name)!;

    private static IEnumerable<JsonNode> Options(JsonNode? node) => node?["options"]?.AsArray().Select(o => o!) ?? [];

    private static IEnumerable<JsonNode> AllNamed()
    {
        foreach (var command in Commands)
        {
            yield return command!;
            foreach (var option in Options(command))
            {
                yield return option;
                foreach (var nested in Options(option)) yield return nested;
            }
        }
    }

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
