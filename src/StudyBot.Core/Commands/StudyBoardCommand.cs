using StudyBot.Core.Chat;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

/// <summary>
/// When (or whether) this channel's weekly board is posted. Named "study board", not "study leaderboard",
/// so it can never be mistaken for <c>/leaderboard</c>, which shows the board.
/// </summary>
public sealed class StudyBoardCommand(IChannelStore channels, IStudySchedule schedule) : IStudyCommand, ICommandDefinition
{
    private const string Off = "off";

    public static CommandSpec Definition { get; } = new("study board", "순위", "When to post the weekly leaderboard (e.g. sunday 20:00)", "주간 순위 게시 요일·시각 (예: sunday 20:00)",
        [
            new("day", "요일", ParameterKind.Day, "Day of the weekly post, or off", "주간 순위 요일, 또는 끄기", Required: true, Choices: [new(Off, "끄기")]),
            new("time", "시각", ParameterKind.Time, "Local time as HH:mm, e.g. 20:00", "현지 시각 HH:mm (예: 20:00)", Required: true, NotNeededAfter: Off),
        ],
        AdminOnly: true);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        ChannelSettings updated;
        string body;
        if (args.Day("day") is { } day)
        {
            var time = args.Time("time");
            updated = channel with { LeaderboardEnabled = true, LeaderboardDay = day, LeaderboardTime = time };
            body = Say.In(language, $"The weekly leaderboard is posted every {day} at {CommandValues.Hhmm(time)} ({channel.TimeZoneId}).",
                $"매주 {CommandValues.DayName(day, Content.Language.Ko)} {CommandValues.Hhmm(time)} ({channel.TimeZoneId})에 주간 순위를 올려요.");
        }
        else
        {
            updated = channel with { LeaderboardEnabled = false };
            body = Say.In(language, "The weekly leaderboard will not be posted.", "주간 순위를 올리지 않아요.");
        }

        await channels.UpdateAsync(updated, cancellationToken);
        if (updated.Enabled) await schedule.ScheduleChannelAsync(updated, cancellationToken);
        return new ChatReply(ChatMessage.Text(Say.In(language, "Weekly leaderboard", "주간 순위"), body), false);
    }
}
