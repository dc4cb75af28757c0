using StudyBot.Core.Chat;
using StudyBot.Core.Study;

namespace StudyBot.Core.Commands;

public sealed class QuizCommand(PracticeDesk practice) : IStudyCommand
{
    public CommandSpec Spec => CommandSpecs.Quiz;

    public Task<ChatReply> RunAsync(CommandContext context, CommandLine command, CancellationToken cancellationToken) =>
        practice.AskAsync(context, command.Args.Count == 0 ? null : command.Rest, cancellationToken);
}
