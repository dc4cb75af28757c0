using StudyBot.Core.Chat;

namespace StudyBot.Core.Commands;

/// <summary>A member takes themselves out of the channel's study role.</summary>
public sealed class StudyLeaveCommand(StudyGroupMembership membership) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study leave", "나가기", "Leave this channel's study role", "이 채널의 스터디 역할에서 나가기", []);

    public CommandSpec Spec => Definition;

    public Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken) =>
        membership.ChangeAsync(context, join: false, cancellationToken);
}
