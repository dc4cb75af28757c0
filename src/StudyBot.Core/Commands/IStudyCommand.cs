using StudyBot.Core.Chat;

namespace StudyBot.Core.Commands;

/// <summary>One command's handler. Handlers are listed in <see cref="CommandSpecs.Table"/>; the inbox routes by <see cref="Spec"/>.</summary>
public interface IStudyCommand
{
    CommandSpec Spec { get; }

    /// <summary>Runs the command with its arguments already read and checked against <see cref="Spec"/>.</summary>
    Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken);
}

/// <summary>A command class that states its spec statically, so the table can list it before anything is built.</summary>
public interface ICommandDefinition
{
    static abstract CommandSpec Definition { get; }
}
