using System.Globalization;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Web.Pages;

/// <summary>
/// The channel's answers (bars, left axis) and % correct (line, right axis) per local day, as an SVG drawn
/// on the server: no chart library to ship, and the CSP stays without scripts. Colours come from the
/// stylesheet (classes), never from inline styles.
/// </summary>
public static class DailyChart
{
    public const int DayWidth = 8;
    public const int BarWidth = 6;
    public const int PlotHeight = 160;
    public const int Left = 44;
    public const int Right = 48;
    public const int Top = 12;
    public const int Bottom = 36;

    /// <summary>
    /// Where the axis names sit from the SVG's edge, turned along their axis: set horizontally beside the
    /// scale numbers, "answers" (about 45 px at 11 px) was wider than the 44 px margin and was cut off.
    /// </summary>
    public const int AxisNameInset = 12;

    public static Markup Render(IReadOnlyList<DailyActivity> activity, DateOnly first, DateOnly last, Language language)
    {
        var dayCount = last.DayNumber - first.DayNumber + 1;
        var days = activity.Where(d => d.Day >= first && d.Day <= last && d.Answered > 0).OrderBy(d => d.Day).ToList();
        var width = Left + dayCount * DayWidth + Right;
        var height = Top + PlotHeight + Bottom;
        var most = days.Count == 0 ? 1 : days.Max(d => d.Answered);
        var bottomY = Top + PlotHeight;
        var rightX = Left + dayCount * DayWidth;
        var middleY = Top + PlotHeight / 2;

        var bars = days.Select(d =>
        {
            var barHeight = Scale(d.Answered, most);
            var title = Say.In(language, $"{Date(d.Day)}: {d.Answered} answers, {Html.Percent(d.Accuracy)} correct",
                $"{Date(d.Day)}: 답 {d.Answered}개, 정답률 {Html.Percent(d.Accuracy)}");
            return Html.Of($"""<rect class="answers" data-day="{Date(d.Day)}" x="{X(d.Day, first) + (DayWidth - BarWidth) / 2.0:0.#}" y="{bottomY - barHeight:0.#}" width="{BarWidth}" height="{barHeight:0.#}"><title>{title}</title></rect>""");
        });
        var points = string.Join(' ', days.Select(d => FormattableString.Invariant($"{X(d.Day, first) + DayWidth / 2.0:0.#},{bottomY - d.Accuracy * PlotHeight:0.#}")));
        var line = days.Count == 0 ? Markup.Empty : Html.Of($"""<polyline class="accuracy" points="{points}"><title>{Say.In(language, "% correct", "정답률")}</title></polyline>""");
        var label = Say.In(language, $"Answers and % correct per day, {Date(first)} to {Date(last)}", $"{Date(first)}부터 {Date(last)}까지 날마다 답 수와 정답률");

        return Html.Of($"""
            <svg id="daily-chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-label="{label}">
            <title>{label}</title>
            <line class="axis" x1="{Left}" y1="{bottomY}" x2="{rightX}" y2="{bottomY}"/>
            <line class="axis" x1="{Left}" y1="{Top}" x2="{Left}" y2="{bottomY}"/>
            <line class="axis" x1="{rightX}" y1="{Top}" x2="{rightX}" y2="{bottomY}"/>
            <text class="axis-label answers-axis" x="{Left - 6}" y="{Top + 4}" text-anchor="end">{most}</text>
            <text class="axis-label answers-axis" x="{Left - 6}" y="{bottomY}" text-anchor="end">0</text>
            <text class="axis-label answers-axis axis-name" x="{AxisNameInset}" y="{middleY}" text-anchor="middle" transform="rotate(-90 {AxisNameInset} {middleY})">{Say.In(language, "answers", "답")}</text>
            <text class="axis-label accuracy-axis" x="{rightX + 6}" y="{Top + 4}">100%</text>
            <text class="axis-label accuracy-axis" x="{rightX + 6}" y="{bottomY}">0%</text>
            <text class="axis-label accuracy-axis axis-name" x="{width - AxisNameInset}" y="{middleY}" text-anchor="middle" transform="rotate(90 {width - AxisNameInset} {middleY})">{Say.In(language, "correct", "정답률")}</text>
            {DateLabels(first, last, bottomY)}
            {bars}
            {line}
            </svg>
            """);
    }

    /// <summary>The first and last day, and the first of each month between them, under the axis.</summary>
    private static IEnumerable<Markup> DateLabels(DateOnly first, DateOnly last, int bottomY)
    {
        var labelled = new List<DateOnly> { first };
        for (var day = first.AddDays(1); day < last; day = day.AddDays(1))
            if (day.Day == 1 && day.DayNumber - first.DayNumber >= 7 && last.DayNumber - day.DayNumber >= 7) labelled.Add(day);
        if (last != first) labelled.Add(last);
        return labelled.Select(day => Html.Of(
            $"""<text class="axis-label date" data-day="{Date(day)}" x="{X(day, first) + DayWidth / 2.0:0.#}" y="{bottomY + 16}" text-anchor="middle">{day.ToString("MM-dd", CultureInfo.InvariantCulture)}</text>"""));
    }

    private static double Scale(int answered, int most) => (double)answered / most * PlotHeight;

    private static int X(DateOnly day, DateOnly first) => Left + (day.DayNumber - first.DayNumber) * DayWidth;

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
