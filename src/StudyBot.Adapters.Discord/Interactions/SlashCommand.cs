namespace StudyBot.Adapters.Discord.Interactions;

/// <summary>A fixed choice of a string option; <see cref="Value"/> is what the core's command line expects.</summary>
public sealed record SlashChoice(string Name, string NameKo, string Value);

/// <summary>A string option. Discord sends options by name; the command line lists them in declaration order.</summary>
public sealed record SlashOption(
    string Name,
    string NameKo,
    string Description,
    string DescriptionKo,
    bool Required = false,
    bool Autocomplete = false,
    IReadOnlyList<SlashChoice>? Choices = null);

/// <summary>
/// A slash command (or a sub-command of one) as registered with Discord. The same definition maps
/// an invocation back to the command line the core parses, so the two cannot drift apart.
/// </summary>
public sealed record SlashCommand(
    string Name,
    string NameKo,
    string Description,
    string DescriptionKo,
    IReadOnlyList<SlashOption> Options,
    IReadOnlyList<SlashCommand> SubCommands,
    bool ManageChannelsOnly = false);
