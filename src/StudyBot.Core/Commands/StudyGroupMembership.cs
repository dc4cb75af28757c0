using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

/// <summary>What <c>/study join</c> and <c>/study leave</c> share: change the member's place in the channel's study group.</summary>
public sealed class StudyGroupMembership(IChannelStore channels, ChatPlatforms platforms)
{
    public async Task<ChatReply> ChangeAsync(CommandContext context, bool join, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        if (channel.PingGroupId is not { } group)
            return ChatReply.Private(Say.In(language, "No study role here", "스터디 역할 없음"),
                Say.In(language, "This channel's daily questions mention no role. An admin sets one with /study ping.",
                    "이 채널은 멘션할 역할이 없어요. 관리자가 /study ping 으로 정해요."));

        var result = await platforms.Get(context.Channel.Platform)
            .SetGroupMemberAsync(context.Channel.ChannelId, group, context.User.UserId, join, cancellationToken);
        return result.Status switch
        {
            ChatActionStatus.Done => join
                ? ChatReply.Private(Say.In(language, "Joined", "참여했어요"), Say.In(language, "You are in the study group: daily questions here will mention you.", "스터디 그룹에 들어왔어요. 이제 오늘의 문제가 올라오면 알림을 받아요."))
                : ChatReply.Private(Say.In(language, "Left", "나갔어요"), Say.In(language, "You left the study group: daily questions no longer mention you.", "스터디 그룹에서 나갔어요. 더 이상 알림을 받지 않아요.")),
            ChatActionStatus.MissingPermission => ChatReply.Private(Say.In(language, "The bot cannot change roles", "봇이 역할을 바꿀 수 없어요"),
                Say.In(language,
                    $"The bot needs {result.Needed}. Until then, ask someone who can manage roles (a server admin) to {(join ? "give you" : "take away")} the study role.",
                    $"봇에 {result.Needed} 권한이 필요해요. 그때까지는 역할을 관리할 수 있는 사람(서버 관리자)에게 스터디 역할을 {(join ? "달라고" : "빼 달라고")} 부탁하세요.")),
            _ => ChatReply.Private(Say.In(language, "Ask an admin", "관리자에게 부탁하세요"),
                Say.In(language,
                    $"The bot cannot change who is in the study group here. Ask a workspace admin or the group's manager to {(join ? "add you to" : "remove you from")} it ({group}).",
                    $"여기서는 봇이 스터디 그룹 구성원을 바꿀 수 없어요. 워크스페이스 관리자나 그룹 관리자에게 {(join ? "추가" : "제외")}를 부탁하세요 ({group}).")),
        };
    }
}
