using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Web.Pages;

namespace StudyBot.Web.Tests;

public sealed class DailyChartTests
{
    private static readonly DateOnly First = new(2026, 9, 9);
    private static readonly DateOnly Last = First.AddDays(89);

    [Fact]
    public void Bars_are_one_per_day_with_answers_scaled_to_the_busiest_day()
    {
        var chart = Render([new(First, 4, 1), new(First.AddDays(2), 8, 8), new(Last, 2, 0)]);

        var bars = chart.QuerySelectorAll("rect.answers");
        Assert.Equal(["2026-09-09", "2026-09-11", "2026-12-07"], bars.Select(b => b.GetAttribute("data-day")));
        Assert.Equal(["80", "160", "40"], bars.Select(b => b.GetAttribute("height")));
        // y + height is the baseline for every bar; x steps one day width per day.
        Assert.All(bars, b => Assert.Equal(DailyChart.Top + DailyChart.PlotHeight, double.Parse(b.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture) + double.Parse(b.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2 * DailyChart.DayWidth, X(bars[1]) - X(bars[0]));
        Assert.Equal("2026-09-09: 4 answers, 25% correct", bars[0].QuerySelector("title")!.TextContent);
    }

    [Fact]
    public void The_accuracy_line_has_a_point_per_bar_from_0_at_the_bottom_to_100_at_the_top()
    {
        var chart = Render([new(First, 4, 0), new(First.AddDays(1), 4, 2), new(First.AddDays(2), 4, 4)]);

        var points = chart.QuerySelector("polyline.accuracy")!.GetAttribute("points")!.Split(' ').Select(p => p.Split(',')[1]).ToList();
        Assert.Equal([(DailyChart.Top + DailyChart.PlotHeight).ToString(), (DailyChart.Top + DailyChart.PlotHeight / 2).ToString(), DailyChart.Top.ToString()], points);
    }

    [Fact]
    public void Days_outside_the_range_and_days_without_answers_get_no_bar()
    {
        var chart = Render([new(First.AddDays(-1), 3, 3), new(First.AddDays(5), 0, 0), new(Last.AddDays(1), 3, 3), new(First.AddDays(10), 1, 1)]);
        Assert.Equal(["2026-09-19"], chart.QuerySelectorAll("rect.answers").Select(b => b.GetAttribute("data-day")));
    }

    [Fact]
    public void An_empty_chart_has_axes_and_labels_but_no_bars_or_line()
    {
        var chart = Render([]);
        Assert.Empty(chart.QuerySelectorAll("rect.answers"));
        Assert.Null(chart.QuerySelector("polyline.accuracy"));
        Assert.Equal(3, chart.QuerySelectorAll("line.axis").Length);
        Assert.Contains("100%", chart.QuerySelectorAll("text.accuracy-axis").Select(t => t.TextContent));
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ko)]
    public void The_axis_names_run_along_their_axes_inside_the_svg(Language language)
    {
        var chart = Render([new(First, 1, 1)], language);
        var width = double.Parse(chart.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture);

        var names = chart.QuerySelectorAll("text.axis-name");
        Assert.Equal(2, names.Length);
        foreach (var name in names)
        {
            // Turned a quarter about its own anchor, a name is one 11 px line wide: its centre must leave half a line to each edge.
            var (x, y) = (X(name), double.Parse(name.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Matches(FormattableString.Invariant($@"^rotate\(-?90 {x} {y}\)$"), name.GetAttribute("transform"));
            Assert.InRange(x, 5.5, width - 5.5);
            Assert.Equal("middle", name.GetAttribute("text-anchor"));
        }
    }

    [Fact]
    public void The_date_axis_labels_the_ends_and_the_first_of_each_month_between()
    {
        var chart = Render([new(First, 1, 1)]);
        Assert.Equal(["09-09", "10-01", "11-01", "12-07"], chart.QuerySelectorAll("text.date").Select(t => t.TextContent));
    }

    [Fact]
    public void Korean_titles_and_axis_labels()
    {
        var chart = Render([new(First, 4, 3)], Language.Ko);
        Assert.Equal("2026-09-09: 답 4개, 정답률 75%", chart.QuerySelector("rect.answers title")!.TextContent);
        Assert.Contains("정답률", chart.QuerySelectorAll("text.accuracy-axis").Select(t => t.TextContent));
    }

    private static IElement Render(IReadOnlyList<DailyActivity> days, Language language = Language.En)
    {
        var html = DailyChart.Render(days, First, Last, language).Value;
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        return document.QuerySelector("svg#daily-chart") ?? throw new InvalidOperationException("No svg#daily-chart in:\n" + html);
    }

    private static double X(IElement bar) => double.Parse(bar.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
}
