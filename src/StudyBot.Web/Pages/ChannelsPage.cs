using System.Globalization;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Web.Pages;

/// <summary><c>/channels</c>: every channel with its schedule, time zone, pack, members and this week's answers.</summary>
internal static class ChannelsPage
{
    public static async Task<Markup> RenderAsync(PageContext page)
    {
        var reports = page.Service<IChannelReportQueries>();
        var catalog = page.Service<ContentCatalog>();
        var now = page.Service<TimeProvider>().GetUtcNow();
        var rows = new List<Markup>();
        foreach (var channel in await reports.ChannelsAsync(page.Aborted))
        {
            var settings = channel.Settings;
            var (start, end) = TimeZones.WeekOf(now, TimeZones.FindOrUtc(settings.TimeZoneId));
            var answers = await reports.AnswerCountAsync(settings.Id, start, end, page.Aborted);
            var pack = catalog.ForChannel(settings.PackId);
            rows.Add(Html.Of($"""
                <tr data-channel-id="{settings.Id}"><td><a href="/channels/{settings.Id}">{settings.Address.ToString()}</a></td><td>{Schedule(page, settings)}</td><td>{settings.TimeZoneId}</td><td>{pack?.Title.Get(page.Language) ?? settings.PackId ?? "—"}</td><td class="number members">{channel.Members}</td><td class="number week-answers">{answers}</td></tr>
                """));
        }
        if (rows.Count == 0) rows.Add(Html.Of($"""<tr class="empty"><td colspan="6">{page.Say("No channel yet: run /study setup in one.", "아직 채널이 없어요: 채널에서 /study setup을 실행하세요.")}</td></tr>"""));

        return Html.Of($"""
            <h1>{page.Say("Channels", "채널")}</h1>
            <table id="channels">
            <thead><tr><th>{page.Say("Channel", "채널")}</th><th>{page.Say("Schedule", "일정")}</th><th>{page.Say("Time zone", "시간대")}</th><th>{page.Say("Pack", "팩")}</th><th>{page.Say("Members", "멤버")}</th><th>{page.Say("Answers this week", "이번 주 답")}</th></tr></thead>
            <tbody>
            {rows}
            </tbody>
            </table>
            """);
    }

    private static string Schedule(PageContext page, ChannelSettings settings)
    {
        if (!settings.Enabled) return page.Say("off", "꺼짐");
        var post = settings.PostTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var boardTime = settings.LeaderboardTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var day = page.Language == Language.Ko ? KoreanDay(settings.LeaderboardDay) : settings.LeaderboardDay.ToString();
        return settings.LeaderboardEnabled
            ? page.Say($"daily at {post}; board {day} {boardTime}", $"매일 {post}; 순위 {day} {boardTime}")
            : page.Say($"daily at {post}", $"매일 {post}");
    }

    private static string KoreanDay(DayOfWeek day) => "일월화수목금토"[(int)day] + "요일";
}
