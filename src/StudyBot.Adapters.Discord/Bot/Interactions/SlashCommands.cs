using StudyBot.Core.Commands;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>
/// The core's command table as Discord sees it: a top-level command is one spec, or a group whose specs
/// are its sub-commands (<c>/study setup</c>). Registration and mapping both read it, so they cannot drift apart.
/// </summary>
internal static class SlashCommands
{
    /// <summary>Top-level commands in table order, each with its specs (one, or the group's sub-commands).</summary>
    public static IReadOnlyList<IGrouping<string, CommandSpec>> All { get; } =
        CommandSpecs.All.GroupBy(s => s.Group ?? s.Name, StringComparer.Ordinal).ToList();

    /// <summary>The spec an invocation names: a top-level command, or a group's sub-command; null if neither.</summary>
    public static CommandSpec? Find(string name, string? sub) =>
        CommandSpecs.FindGroup(name) is null
            ? CommandSpecs.All.FirstOrDefault(s => s.Group is null && s.Name == name)
            : CommandSpecs.All.FirstOrDefault(s => s.Group == name && s.Leaf == sub);
}
