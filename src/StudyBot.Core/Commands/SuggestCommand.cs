using StudyBot.Core.Chat;
using StudyBot.Core.Suggestions;

namespace StudyBot.Core.Commands;

public sealed class SuggestCommand : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("suggest", "제안", "Write a question for this channel's daily questions", "이 채널의 오늘의 문제로 낼 문제 쓰기", []);

    public CommandSpec Spec => Definition;

    public Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken) =>
        Task.FromResult(SuggestionDesk.OpenForm(SuggestionForm.Build(FormIds.NewSuggestion, context.Language)));
}
