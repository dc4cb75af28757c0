using StudyBot.Core.Chat;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class StudyStopCommand(IChannelStore channels, IStudySchedule schedule) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study stop", "중지", "Stop daily questions here", "매일 문제 중지", [], AdminOnly: true);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        await channels.UpdateAsync(channel with { Enabled = false }, cancellationToken);
        await schedule.UnscheduleChannelAsync(channel.Id, cancellationToken);
        return new ChatReply(ChatMessage.Text(
            Say.In(context.Language, "Daily questions stopped", "오늘의 문제를 멈췄어요"),
            Say.In(context.Language, "No more daily questions or weekly boards here. Scores are kept; /study setup starts again.",
                "이 채널에 더 이상 문제와 주간 순위를 올리지 않아요. 점수는 남아 있고, /study setup 으로 다시 시작할 수 있어요.")), false);
    }
}
