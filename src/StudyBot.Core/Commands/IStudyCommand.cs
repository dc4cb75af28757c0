using StudyBot.Core.Chat;

namespace StudyBot.Core.Commands;

/// <summary>One command's handler. Handlers are listed in <c>AddStudyCore</c>; the inbox routes by <see cref="Spec"/>.</summary>
public interface IStudyCommand
{
    CommandSpec Spec { get; }

    Task<ChatReply> RunAsync(CommandContext context, CommandLine command, CancellationToken cancellationToken);
}
