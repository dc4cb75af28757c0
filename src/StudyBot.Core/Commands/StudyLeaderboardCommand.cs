using StudyBot.Core.Chat;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class StudyLeaderboardCommand(IChannelStore channels, IStudySchedule schedule) : IStudyCommand
{
    public CommandSpec Spec => CommandSpecs.StudyLeaderboard;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandLine command, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        ChannelSettings updated;
        string body;
        if (command.Arg(0)?.ToLowerInvariant() is "off" or "끄기")
        {
            updated = channel with { LeaderboardEnabled = false };
            body = Say.In(language, "The weekly leaderboard will not be posted.", "주간 순위를 올리지 않아요.");
        }
        else if (CommandArgs.TryDay(command.Arg(0), out var day) && CommandArgs.TryTime(command.Arg(1), out var time))
        {
            updated = channel with { LeaderboardEnabled = true, LeaderboardDay = day, LeaderboardTime = time };
            body = Say.In(language, $"The weekly leaderboard is posted every {day} at {CommandArgs.Hhmm(time)} ({channel.TimeZoneId}).",
                $"매주 {CommandArgs.DayName(day, Content.Language.Ko)} {CommandArgs.Hhmm(time)} ({channel.TimeZoneId})에 주간 순위를 올려요.");
        }
        else
        {
            return ChatReply.Private(Say.In(language, "Which day and time?", "요일과 시각을 알려주세요"),
                Say.In(language, "Usage: /study leaderboard <day> <HH:mm>, e.g. /study leaderboard sunday 20:00, or /study leaderboard off",
                    "사용법: /study leaderboard <요일> <HH:mm> (예: /study leaderboard 일요일 20:00) 또는 /study leaderboard off"));
        }

        await channels.UpdateAsync(updated, cancellationToken);
        if (updated.Enabled) await schedule.ScheduleChannelAsync(updated, cancellationToken);
        return new ChatReply(ChatMessage.Text(Say.In(language, "Weekly leaderboard", "주간 순위"), body), false);
    }
}
