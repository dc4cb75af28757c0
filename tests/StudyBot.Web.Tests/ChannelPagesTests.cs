using System.Globalization;
using StudyBot.Core.Scoring;

namespace StudyBot.Web.Tests;

public sealed class ChannelPagesTests(SeededBot seeded) : IClassFixture<SeededBot>
{
    private PagesSeed Seed => seeded.Seed;

    [Fact]
    public async Task The_channel_list_links_the_channel_with_its_pack_members_and_answers_this_week()
    {
        var page = await seeded.PageAsync("/channels");

        var row = page.QuerySelector($"table#channels tr[data-channel-id=\"{Seed.Channel.Id}\"]");
        Assert.NotNull(row);
        Assert.Equal($"/channels/{Seed.Channel.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("test:study-room", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Page tests", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("21", row.QuerySelector(".members")!.TextContent);
        var monday = Seed.Today.AddDays(-(((int)Seed.Today.DayOfWeek + 6) % 7));
        var postsThisWeek = PagesSeed.Posts.Count(p => Seed.Today.AddDays(p.Day) >= monday);
        Assert.Equal((postsThisWeek * 20).ToString(CultureInfo.InvariantCulture), row.QuerySelector(".week-answers")!.TextContent);
    }

    [Fact]
    public async Task The_all_time_board_puts_the_strong_members_first_in_name_order()
    {
        var page = await seeded.PageAsync($"/channels/{Seed.Channel.Id}");

        var board = SeededBot.Rows(page, "alltime-board");
        Assert.Equal(PagesSeed.Strong, board.Select(r => r[1]));
        Assert.All(board, r => Assert.Equal(["1", "62", "5/6"], new[] { r[0], r[2], r[3] }));
    }

    [Fact]
    public async Task The_weekly_board_sums_only_this_weeks_posts()
    {
        var page = await seeded.PageAsync($"/channels/{Seed.Channel.Id}");

        // The expected board from the seed's days, scored by the core's rules with the streak carried from
        // before the week; only days from this Monday on count (which ones depends on today's weekday).
        var monday = Seed.Today.AddDays(-(((int)Seed.Today.DayOfWeek + 6) % 7));
        var expected = PagesSeed.Strong.Select(n => (Name: n, Strong: true)).Concat(PagesSeed.Weak.Select(n => (Name: n, Strong: false)))
            .Select(m =>
            {
                var (points, correct, streak) = (0, 0, 0);
                foreach (var (day, question, _) in PagesSeed.Posts)
                {
                    var right = m.Strong ? question != "q-bad" : question != "q-good";
                    streak = right ? streak + 1 : 0;
                    if (Seed.Today.AddDays(day) < monday) continue;
                    points += ScoringRules.Points(right, streak);
                    correct += right ? 1 : 0;
                }
                return (m.Name, Points: points, Correct: correct);
            })
            .OrderByDescending(m => m.Points).ThenByDescending(m => m.Correct).ThenBy(m => m.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .Take(10).ToList();
        var board = SeededBot.Rows(page, "weekly-board");
        Assert.Equal(expected.Select(m => m.Name), board.Select(r => r[1]));
        Assert.Equal(expected.Select(m => m.Points.ToString(CultureInfo.InvariantCulture)), board.Select(r => r[2]));
    }

    [Fact]
    public async Task The_chart_has_one_bar_per_day_with_answers_in_the_last_90_days_and_an_accuracy_line()
    {
        var page = await seeded.PageAsync($"/channels/{Seed.Channel.Id}");

        var bars = page.QuerySelectorAll("svg#daily-chart rect.answers");
        Assert.Equal(PagesSeed.Posts.Select(p => Seed.Today.AddDays(p.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), bars.Select(b => b.GetAttribute("data-day")));
        // Every day has 20 answers, so every bar is full height; q-good's days are 50 % right, q-bad's 50 %, q-easy's 100 %.
        Assert.All(bars, b => Assert.Equal("160", b.GetAttribute("height")));
        Assert.Equal($"{Seed.Today.AddDays(-4):yyyy-MM-dd}: 20 answers, 50% correct", bars[1].QuerySelector("title")!.TextContent);
        var line = page.QuerySelector("svg#daily-chart polyline.accuracy");
        Assert.NotNull(line);
        Assert.Equal(6, line.GetAttribute("points")!.Split(' ').Length);
    }

    [Fact]
    public async Task Topic_accuracy_lists_the_weakest_topic_first_and_streaks_rank_the_current_streak_first()
    {
        var page = await seeded.PageAsync($"/channels/{Seed.Channel.Id}");

        // iam: q-bad, 10 of 20 right. s3: q-easy 40 of 40 and q-good 30 of 60. ebs: the old post, 1 of 1.
        Assert.Equal([["AWS IAM", "20", "10", "50%"], ["Amazon S3", "100", "70", "70%"], ["ebs", "1", "1", "100%"]], SeededBot.Rows(page, "topic-accuracy"));
        // Weak members end on two right days (current 2, best 2); strong ones on one after q-bad (current 1, best 4).
        var streaks = SeededBot.Rows(page, "streaks");
        Assert.Equal(10, streaks.Count);
        Assert.Equal(PagesSeed.Weak, streaks.Select(r => r[0]));
        Assert.All(streaks, r => Assert.Equal(["2", "2"], r[1..]));
    }

    [Fact]
    public async Task Member_names_are_encoded_so_a_script_name_stays_text()
    {
        var (status, body, _) = await seeded.Bot.GetAsync($"/channels/{Seed.Channel.Id}", remote: "127.0.0.1");

        Assert.Equal(200, status);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;s01&#39;)&lt;/script&gt;", body, StringComparison.Ordinal);
        var page = await seeded.PageAsync($"/channels/{Seed.Channel.Id}");
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Theory]
    [InlineData("/channels/999999")]
    [InlineData("/channels/not-a-number")]
    public async Task An_unknown_channel_is_a_404_page(string path)
    {
        var page = await seeded.PageAsync(path, 404);
        Assert.NotNull(page.QuerySelector("#not-found"));
        Assert.Null(page.QuerySelector("table#weekly-board"));
    }
}
