using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class StudySetupCommand(IChannelStore channels, IStudySchedule schedule, ContentCatalog catalog) : IStudyCommand
{
    public CommandSpec Spec => CommandSpecs.StudySetup;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandLine command, CancellationToken cancellationToken)
    {
        var language = context.Language;
        if (!CommandArgs.TryTime(command.Arg(0), out var time) || !TimeZones.TryFind(command.Arg(1), out var zone))
            return ChatReply.Private(Say.In(language, "Setup needs a time and a time zone", "시각과 시간대가 필요해요"),
                Say.In(language, "Usage: /study setup <HH:mm> <time zone> [pack], e.g. /study setup 09:00 Asia/Seoul. Time zones are IANA names such as Asia/Seoul, America/New_York, Europe/London or UTC.",
                    "사용법: /study setup <HH:mm> <시간대> [팩] (예: /study setup 09:00 Asia/Seoul). 시간대는 Asia/Seoul, America/New_York, UTC 같은 IANA 이름이에요."));

        var packId = command.Arg(2);
        if (packId is not null && catalog.Find(packId) is null)
            return ChatReply.Private(Say.In(language, "Unknown pack", "알 수 없는 팩"),
                Say.In(language, $"No pack \"{StudyCards.Truncate(packId, 60)}\". Loaded packs: {string.Join(", ", catalog.Packs.Select(p => p.Id))}.",
                    $"\"{StudyCards.Truncate(packId, 60)}\" 팩이 없어요. 불러온 팩: {string.Join(", ", catalog.Packs.Select(p => p.Id))}."));

        var current = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        var updated = current with { Enabled = true, PostTime = time, TimeZoneId = zone.Id, PackId = packId ?? current.PackId ?? catalog.Default?.Id };
        await channels.UpdateAsync(updated, cancellationToken);
        await schedule.ScheduleChannelAsync(updated, cancellationToken);

        var pack = catalog.ForChannel(updated.PackId);
        var hhmm = CommandArgs.Hhmm(time);
        var board = updated.LeaderboardEnabled
            ? $"{CommandArgs.DayName(updated.LeaderboardDay, language)} {CommandArgs.Hhmm(updated.LeaderboardTime)}"
            : Say.In(language, "off", "끔");
        return new ChatReply(ChatMessage.Text(
            Say.In(language, "Daily questions are on", "오늘의 문제를 시작해요"),
            Say.In(language,
                $"A question from **{pack?.Title.Get(language)}** every day at **{hhmm} {zone.Id}**. Weekly leaderboard: {board}. Post one now with /study now.",
                $"매일 **{hhmm} {zone.Id}**에 **{pack?.Title.Get(language)}** 문제를 올려요. 주간 순위: {board}. 지금 바로 올리려면 /study now")), false);
    }
}
