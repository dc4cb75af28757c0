using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class StudySetupCommand(IChannelStore channels, IStudySchedule schedule, ContentCatalog catalog) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study setup", "설정", "Post a daily question here at a local time (e.g. 09:00 Asia/Seoul)", "매일 정해진 시각에 문제 올리기 (예: 09:00 Asia/Seoul)",
        [
            new("time", "시각", ParameterKind.Time, "Local time as HH:mm, e.g. 09:00", "현지 시각 HH:mm (예: 09:00)", Required: true),
            new("timezone", "시간대", ParameterKind.TimeZone, "IANA time zone, e.g. Asia/Seoul", "IANA 시간대 (예: Asia/Seoul)", Required: true),
            new("pack", "팩", ParameterKind.Word, "Content pack id (default: the first pack)", "콘텐츠 팩 id (기본: 첫 번째 팩)"),
            new("days", "요일", ParameterKind.Days, "daily (default), weekdays, or days such as mon,wed,fri", "매일(기본), 평일, 또는 월,수,금 같은 요일"),
        ],
        AdminOnly: true);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var time = args.Time("time");
        var zone = args.TimeZone("timezone");
        var packId = args.Text("pack");
        var days = args.Days("days");
        // Typed without a pack ("/study setup 09:00 Asia/Seoul weekdays"), the days land in the pack's place.
        if (packId is not null && catalog.Find(packId) is null && StudyDays.TryParse(packId, out var daysInPackPlace))
        {
            days = days is { } rest ? daysInPackPlace.With(rest) : daysInPackPlace;
            packId = null;
        }
        if (packId is not null && catalog.Find(packId) is null)
            return ChatReply.Private(Say.In(language, "Unknown pack", "알 수 없는 팩"),
                Say.In(language, $"No pack \"{TextCut.ToLength(packId, 60)}\". Loaded packs: {string.Join(", ", catalog.Packs.Select(p => p.Id))}.",
                    $"\"{TextCut.ToLength(packId, 60)}\" 팩이 없어요. 불러온 팩: {string.Join(", ", catalog.Packs.Select(p => p.Id))}."));

        var current = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        var updated = current with { Enabled = true, PostTime = time, TimeZoneId = zone.Id, PackId = packId ?? current.PackId ?? catalog.Default?.Id, PostDays = days ?? current.PostDays };
        // The admin who sets the channel up is the one told when a group-study extra lacks a permission.
        updated = updated with { AdminUserId = context.User.UserId };
        await channels.UpdateAsync(updated, cancellationToken);
        await schedule.ScheduleChannelAsync(updated, cancellationToken);

        var pack = catalog.ForChannel(updated.PackId);
        var hhmm = CommandValues.Hhmm(time);
        var when = updated.PostDays == StudyDays.Daily
            ? Say.In(language, $"every day at **{hhmm} {zone.Id}**", $"매일 **{hhmm} {zone.Id}**에")
            : Say.In(language, $"at **{hhmm} {zone.Id}** on {updated.PostDays.Describe(language)}", $"{updated.PostDays.Describe(language)} **{hhmm} {zone.Id}**에");
        var board = updated.LeaderboardEnabled
            ? $"{CommandValues.DayName(updated.LeaderboardDay, language)} {CommandValues.Hhmm(updated.LeaderboardTime)}"
            : Say.In(language, "off", "끔");
        return new ChatReply(ChatMessage.Text(
            Say.In(language, "Daily questions are on", "오늘의 문제를 시작해요"),
            Say.In(language,
                $"A question from **{pack?.Title.Get(language)}** {when}. Weekly leaderboard: {board}. Post one now with /study now.",
                $"{when} **{pack?.Title.Get(language)}** 문제를 올려요. 주간 순위: {board}. 지금 바로 올리려면 /study now")), false);
    }
}
