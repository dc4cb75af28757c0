using System.Diagnostics.CodeAnalysis;

namespace StudyBot.Core.Commands;

/// <summary>A command's spec and its handler type, as listed in <see cref="CommandSpecs.Table"/>.</summary>
public sealed record CommandEntry(
    CommandSpec Spec,
    [property: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type Handler)
{
    public static CommandEntry Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>()
        where T : class, IStudyCommand, ICommandDefinition => new(T.Definition, typeof(T));
}

/// <summary>
/// The feature list: every command, in the order <c>/help</c> lists them. The core registers the handlers
/// from it; adapters register the names, parameters and Korean localizations with their platform.
/// Adding a command is its class (with its spec) and one line here.
/// </summary>
public static class CommandSpecs
{
    public static readonly CommandGroup Study = new("study", "스터디",
        "Daily questions in this channel (for channel managers)", "이 채널의 오늘의 문제 설정 (채널 관리자용)");

    public static readonly IReadOnlyList<CommandEntry> Table =
    [
        CommandEntry.Of<HelpCommand>(),
        CommandEntry.Of<TopicCommand>(),
        CommandEntry.Of<QuizCommand>(),
        CommandEntry.Of<ReviewCommand>(),
        CommandEntry.Of<LeaderboardCommand>(),
        CommandEntry.Of<StatsCommand>(),
        CommandEntry.Of<ExportCommand>(),
        CommandEntry.Of<RemindCommand>(),
        CommandEntry.Of<SuggestCommand>(),
        CommandEntry.Of<StudySetupCommand>(),
        CommandEntry.Of<StudyStopCommand>(),
        CommandEntry.Of<StudyNowCommand>(),
        CommandEntry.Of<StudyCloseCommand>(),
        CommandEntry.Of<StudyBoardCommand>(),
        CommandEntry.Of<StudyThreadCommand>(),
        CommandEntry.Of<StudyPingCommand>(),
        CommandEntry.Of<StudyPinCommand>(),
        CommandEntry.Of<StudyJoinCommand>(),
        CommandEntry.Of<StudyLeaveCommand>(),
        CommandEntry.Of<StudyReviewersCommand>(),
        CommandEntry.Of<StudySuggestionsCommand>(),
    ];

    public static readonly IReadOnlyList<CommandGroup> Groups = [Study];

    public static readonly IReadOnlyList<CommandSpec> All = Table.Select(e => e.Spec).ToList();

    public static CommandSpec? Find(string? name) => All.FirstOrDefault(s => s.Name == name);

    public static CommandGroup? FindGroup(string? name) => Groups.FirstOrDefault(g => g.Name == name);
}
