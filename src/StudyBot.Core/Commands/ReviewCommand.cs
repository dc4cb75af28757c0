using StudyBot.Core.Chat;
using StudyBot.Core.Review;

namespace StudyBot.Core.Commands;

public sealed class ReviewCommand(ReviewDesk reviews) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("review", "복습", "Your due review cards, one at a time, only you see them", "복습할 카드를 하나씩 (나만 보기)",
        [new("topic", "주제", ParameterKind.Topic, "Review this topic only", "이 주제만 복습하기")]);

    public CommandSpec Spec => Definition;

    public Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken) =>
        reviews.StartAsync(context, args.Text("topic"), cancellationToken);
}
