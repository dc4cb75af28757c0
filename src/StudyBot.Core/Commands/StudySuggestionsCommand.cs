using StudyBot.Core.Chat;
using StudyBot.Core.Suggestions;

namespace StudyBot.Core.Commands;

public sealed class StudySuggestionsCommand(SuggestionDesk desk) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study suggestions", "제안목록", "Review the questions members suggested here", "멤버가 제안한 문제 검토하기", [], AdminOnly: true);

    public CommandSpec Spec => Definition;

    public Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken) =>
        desk.ListPendingAsync(context, cancellationToken);
}
