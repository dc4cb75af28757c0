using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

/// <summary>Pins the open daily question, unpinning it when it closes. Applies to the open one at once.</summary>
public sealed class StudyPinCommand(IChannelStore channels, IPostStore posts, GroupStudy group, TimeProvider clock) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study pin", "고정", "Pin the open daily question (on/off)", "진행 중인 오늘의 문제 고정 (켜기/끄기)",
        [new("state", "상태", ParameterKind.Choice, "on or off", "켜기 또는 끄기", Required: true, Choices: OnOff.Choices)],
        AdminOnly: true);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var on = args.Text("state") == OnOff.On;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        var updated = channel with
        {
            PinEnabled = on,
            AdminUserId = context.User.UserId,
            NoticesSent = on ? channel.NoticesSent & ~GroupNotices.Pin : channel.NoticesSent,
        };
        await channels.UpdateAsync(updated, cancellationToken);

        var body = on
            ? Say.In(language, "The open daily question is pinned, and unpinned when it closes.", "진행 중인 오늘의 문제를 고정하고, 마감되면 고정을 풀어요.")
            : Say.In(language, "Daily questions are not pinned.", "오늘의 문제를 고정하지 않아요.");
        if (await posts.FindOpenAsync(channel.Id, cancellationToken) is { MessageId: { } messageId } open && open.IsOpenAt(clock.GetUtcNow()))
        {
            var result = await group.PinAsync(updated, messageId, on, language, cancellationToken);
            if (result.Status == ChatActionStatus.MissingPermission)
                body += Say.In(language, $"\nThe bot cannot pin here yet: it needs {result.Needed}.", $"\n아직 고정할 수 없어요: 봇에 {result.Needed} 권한이 필요해요.");
        }
        return new ChatReply(ChatMessage.Text(Say.In(language, "Pinned question", "문제 고정"), body), false);
    }
}
