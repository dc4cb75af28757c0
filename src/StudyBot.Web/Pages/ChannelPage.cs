using System.Globalization;
using Microsoft.Extensions.Options;
using StudyBot.Core.Content;
using StudyBot.Core.Scoring;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Web.Pages;

/// <summary><c>/channels/{id}</c>: the weekly and all-time boards, the last 90 days, accuracy per topic and streaks.</summary>
internal static class ChannelPage
{
    public const int ChartDays = 90;
    public const int StreakRows = 10;

    public static async Task<Markup?> RenderAsync(PageContext page, long channelId)
    {
        if (await page.Service<IChannelStore>().FindAsync(channelId, page.Aborted) is not { } channel) return null;
        var stats = page.Service<IStatsQueries>();
        var reports = page.Service<IChannelReportQueries>();
        var limit = page.Service<IOptions<StudyOptions>>().Value.LeaderboardSize;
        var pack = page.Service<ContentCatalog>().ForChannel(channel.PackId);
        var zone = TimeZones.FindOrUtc(channel.TimeZoneId);
        var now = page.Service<TimeProvider>().GetUtcNow();
        var (weekStart, weekEnd) = TimeZones.WeekOf(now, zone);
        var today = TimeZones.LocalDate(now, zone);
        var first = today.AddDays(1 - ChartDays);

        var weekly = await stats.LeaderboardAsync(channel.Id, weekStart, weekEnd, limit, page.Aborted);
        var allTime = await stats.LeaderboardAsync(channel.Id, null, null, limit, page.Aborted);
        var days = await reports.DailyActivityAsync(channel.Id, first, today, page.Aborted);
        var topics = await reports.TopicAccuracyAsync(channel.Id, page.Aborted);
        var streaks = await reports.StreakLeadersAsync(channel.Id, StreakRows, page.Aborted);
        var monday = TimeZones.LocalDate(weekStart, zone);

        return Html.Of($"""
            <h1>{page.Say("Channel", "채널")} {channel.Address.ToString()}</h1>
            <p id="channel-facts">{channel.TimeZoneId} · {pack?.Title.Get(page.Language) ?? "—"} · <a href="/channels">{page.Say("all channels", "모든 채널")}</a></p>
            <section class="boards">
            <div><h2>{page.Say("This week", "이번 주")} ({Date(monday)} – {Date(monday.AddDays(6))})</h2>{Board(page, "weekly-board", weekly)}</div>
            <div><h2>{page.Say("All time", "전체")}</h2>{Board(page, "alltime-board", allTime)}</div>
            </section>
            <h2>{page.Say($"The last {ChartDays} days", $"최근 {ChartDays}일")}</h2>
            <figure class="chart">{DailyChart.Render(days, first, today, page.Language)}
            <figcaption>{page.Say($"Bars: answers per day ({days.Sum(d => d.Answered)} in all). Line: % correct.", $"막대: 날마다 답 수 (모두 {days.Sum(d => d.Answered)}개). 선: 정답률.")}</figcaption></figure>
            <h2>{page.Say("Accuracy per topic", "주제별 정답률")}</h2>
            {TopicTable(page, pack, topics)}
            <h2>{page.Say("Streaks", "연속 정답")}</h2>
            {StreakTable(page, streaks)}
            """);
    }

    private static Markup Board(PageContext page, string id, IReadOnlyList<LeaderboardRow> rows)
    {
        var body = Leaderboard.Rank(rows).Select(r => Html.Of(
            $"""<tr data-user-id="{r.Row.UserId}"><td class="number">{r.Rank}</td><td class="member">{r.Row.DisplayName}</td><td class="number points">{r.Row.Points}</td><td class="number">{r.Row.Correct}/{r.Row.Answered}</td></tr>"""));
        return Html.Of($"""
            <table id="{id}"><thead><tr><th>#</th><th>{page.Say("Member", "멤버")}</th><th>{page.Say("Points", "점수")}</th><th>{page.Say("Correct", "정답")}</th></tr></thead>
            <tbody>{(rows.Count == 0 ? Empty(page, 4) : Html.Join(body))}</tbody></table>
            """);
    }

    /// <summary>Weakest topic first: that is what an organiser looks for before the exam.</summary>
    private static Markup TopicTable(PageContext page, ContentPack? pack, IReadOnlyList<TopicAccuracy> topics)
    {
        var body = topics.OrderBy(t => t.Accuracy).ThenByDescending(t => t.Answered).ThenBy(t => t.TopicId, StringComparer.Ordinal).Select(t => Html.Of(
            $"""<tr data-topic-id="{t.TopicId}"><td>{TopicLink(page, pack, t.TopicId)}</td><td class="number answered">{t.Answered}</td><td class="number correct">{t.Correct}</td><td class="number accuracy">{Html.Percent(t.Accuracy)}</td></tr>"""));
        return Html.Of($"""
            <table id="topic-accuracy"><thead><tr><th>{page.Say("Topic", "주제")}</th><th>{page.Say("Answered", "답")}</th><th>{page.Say("Correct", "정답")}</th><th>{page.Say("% correct", "정답률")}</th></tr></thead>
            <tbody>{(topics.Count == 0 ? Empty(page, 4) : Html.Join(body))}</tbody></table>
            """);
    }

    private static Markup TopicLink(PageContext page, ContentPack? pack, string topicId) =>
        pack?.FindTopic(topicId) is { } topic
            ? Html.Of($"""<a href="/topics/{Uri.EscapeDataString(pack.Id)}/{Uri.EscapeDataString(topic.Id)}">{topic.Title.Get(page.Language)}</a>""")
            : Html.Of($"{topicId}");

    private static Markup StreakTable(PageContext page, IReadOnlyList<StreakRow> streaks)
    {
        var body = streaks.Select(s => Html.Of(
            $"""<tr data-user-id="{s.UserId}"><td class="member">{s.DisplayName}</td><td class="number current">{s.CurrentStreak}</td><td class="number best">{s.BestStreak}</td></tr>"""));
        return Html.Of($"""
            <table id="streaks"><thead><tr><th>{page.Say("Member", "멤버")}</th><th>{page.Say("Current streak", "현재 연속")}</th><th>{page.Say("Best streak", "최고 연속")}</th></tr></thead>
            <tbody>{(streaks.Count == 0 ? Empty(page, 3) : Html.Join(body))}</tbody></table>
            """);
    }

    private static Markup Empty(PageContext page, int columns) =>
        Html.Of($"""<tr class="empty"><td colspan="{columns}">{page.Say("No answers yet.", "아직 답이 없어요.")}</td></tr>""");

    private static string Date(DateOnly day) => day.ToString("MM-dd", CultureInfo.InvariantCulture);
}
