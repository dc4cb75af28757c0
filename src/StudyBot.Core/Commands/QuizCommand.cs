using StudyBot.Core.Chat;
using StudyBot.Core.Study;

namespace StudyBot.Core.Commands;

public sealed class QuizCommand(PracticeDesk practice) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("quiz", "퀴즈", "A private practice question, weighted to your weak topics", "나만 보는 연습 문제 (약한 주제 위주)",
        [new("topic", "주제", ParameterKind.Topic, "Practise this topic only", "이 주제만 연습하기")]);

    public CommandSpec Spec => Definition;

    public Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken) =>
        practice.AskAsync(context, args.Text("topic"), cancellationToken);
}
