using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

/// <summary>Discussion threads on the daily question: Discord opens one per post; Slack replies in the post's thread.</summary>
public sealed class StudyThreadCommand(IChannelStore channels) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study thread", "스레드", "A discussion thread on each daily question (on/off)", "오늘의 문제마다 토론 스레드 (켜기/끄기)",
        [new("state", "상태", ParameterKind.Choice, "on or off", "켜기 또는 끄기", Required: true, Choices: OnOff.Choices)],
        AdminOnly: true);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var on = args.Text("state") == OnOff.On;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        // Turning it on again is how an admin says "granted": the next missing permission is told again.
        await channels.UpdateAsync(channel with
        {
            ThreadEnabled = on,
            AdminUserId = context.User.UserId,
            NoticesSent = on ? channel.NoticesSent & ~GroupNotices.Thread : channel.NoticesSent,
        }, cancellationToken);
        return new ChatReply(ChatMessage.Text(Say.In(language, "Discussion thread", "토론 스레드"), on
            ? Say.In(language, "From the next daily question on, each one gets a thread, and the answer summary is posted there when it closes.",
                "다음 문제부터 문제마다 스레드가 열리고, 마감되면 정답 요약이 스레드에 올라가요.")
            : Say.In(language, "Daily questions get no discussion thread.", "오늘의 문제에 토론 스레드를 열지 않아요.")), false);
    }
}
