using StudyBot.Core.Chat;

namespace StudyBot.Core.Commands;

/// <summary>A member adds themselves to the channel's study role (see <see cref="StudyGroupMembership"/>).</summary>
public sealed class StudyJoinCommand(StudyGroupMembership membership) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study join", "참여", "Join this channel's study role (get mentioned)", "이 채널의 스터디 역할에 참여 (알림 받기)", []);

    public CommandSpec Spec => Definition;

    public Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken) =>
        membership.ChangeAsync(context, join: true, cancellationToken);
}
