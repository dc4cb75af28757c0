using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

/// <summary>
/// The study group each daily post mentions: a Discord role, a Slack user group, or off. Only that group is ever
/// notified: the adapters allow exactly its mention, never <c>@everyone</c> or a user.
/// </summary>
public sealed class StudyPingCommand(IChannelStore channels) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study ping", "알림", "Mention a study role with each daily question, or off", "오늘의 문제마다 스터디 역할 멘션, 또는 끄기",
        [new("role", "역할", ParameterKind.Role, "The study role or user group to mention, or off", "멘션할 스터디 역할(사용자 그룹), 또는 끄기",
            Required: true, Choices: [new(OnOff.Off, "끄기")])],
        AdminOnly: true);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var role = args.Text("role");
        var group = role == OnOff.Off ? null : role;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        await channels.UpdateAsync(channel with { PingGroupId = group, AdminUserId = context.User.UserId }, cancellationToken);
        return new ChatReply(ChatMessage.Text(Say.In(language, "Study ping", "스터디 알림"), group is null
            ? Say.In(language, "Daily questions mention nobody.", "오늘의 문제에서 아무도 멘션하지 않아요.")
            : Say.In(language,
                $"Each daily question mentions the study group ({group}), and nobody else. Members join with {context.Command("study join")} and leave with {context.Command("study leave")}.",
                $"오늘의 문제마다 스터디 그룹({group})만 멘션해요. {context.Command("study join")} 으로 참여하고 {context.Command("study leave")} 로 나갈 수 있어요.")), false);
    }
}
