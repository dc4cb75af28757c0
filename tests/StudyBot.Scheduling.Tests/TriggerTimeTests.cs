using StudyBot.Core.Study;
using Quartz;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Scheduling.Tests;

public class TriggerTimeTests
{
    private static ChannelSettings Channel(string zone, int hour, int minute = 0) =>
        new(7, new ChannelAddress("test", "c"), true, new TimeOnly(hour, minute), zone, null, true, DayOfWeek.Sunday, new TimeOnly(20, 0), StudyDays.Daily);

    private static List<DateTimeOffset> FireTimes(ITrigger trigger, DateTimeOffset after, int count)
    {
        var times = new List<DateTimeOffset>();
        DateTimeOffset? next = after;
        while (times.Count < count && (next = trigger.GetFireTimeAfter(next)) is { } fire) times.Add(fire);
        return times;
    }

    [Fact]
    public void New_york_posts_at_nine_local_on_both_sides_of_the_november_dst_change()
    {
        var start = new DateTimeOffset(2026, 10, 30, 0, 0, 0, TimeSpan.Zero);
        var trigger = ChannelTrigger.Daily(Channel("America/New_York", 9)).Build(new ShiftedClock(start));

        var times = FireTimes(trigger, start, 4);

        // 09:00 EDT is 13:00 UTC until Sunday 1 November 2026; 09:00 EST is 14:00 UTC from then on.
        Assert.Equal([
            new DateTimeOffset(2026, 10, 30, 13, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 10, 31, 13, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 1, 14, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero),
        ], times);
    }

    [Fact]
    public void London_posts_at_seven_thirty_local_across_the_march_dst_change()
    {
        var start = new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero);
        var trigger = ChannelTrigger.Daily(Channel("Europe/London", 7, 30)).Build(new ShiftedClock(start));

        var times = FireTimes(trigger, start, 3);

        // BST starts on Sunday 29 March 2026: 07:30 local moves from 07:30 UTC to 06:30 UTC.
        Assert.Equal([
            new DateTimeOffset(2026, 3, 28, 7, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 29, 6, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero),
        ], times);
    }

    [Fact]
    public void Seoul_has_no_dst_and_posts_at_midnight_utc_for_nine_local()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var times = FireTimes(ChannelTrigger.Daily(Channel("Asia/Seoul", 9)).Build(new ShiftedClock(start)), start, 3);
        Assert.All(times, t => Assert.Equal(TimeSpan.Zero, t.UtcDateTime.TimeOfDay));
    }

    [Fact]
    public void The_weekly_board_fires_on_the_chosen_local_day_and_time()
    {
        var start = new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
        var channel = Channel("Asia/Seoul", 9) with { LeaderboardDay = DayOfWeek.Friday, LeaderboardTime = new TimeOnly(18, 0) };
        var times = FireTimes(ChannelTrigger.Weekly(channel).Build(new ShiftedClock(start)), start, 2);

        Assert.Equal([new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)], times);
    }

    [Fact]
    public void A_mon_wed_fri_channel_fires_on_those_local_days_only()
    {
        // Saturday 21 November 2026; 09:00 Seoul is 00:00 UTC the same day.
        var start = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);
        var channel = Channel("Asia/Seoul", 9) with { PostDays = StudyDays.Of(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday) };

        var times = FireTimes(ChannelTrigger.Daily(channel).Build(new ShiftedClock(start)), start, 4);

        Assert.Equal([
            new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero),
        ], times);
    }

    [Fact]
    public void Weekdays_in_new_york_skip_the_weekend_on_local_days_not_utc_days()
    {
        // 20:00 New York is 01:00 UTC the next day: Thursday's and Friday's posts fall on UTC Friday and
        // Saturday, and the local weekend is skipped, not the UTC one.
        var start = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        var channel = Channel("America/New_York", 20) with { PostDays = StudyDays.Weekdays };

        var times = FireTimes(ChannelTrigger.Daily(channel).Build(new ShiftedClock(start)), start, 3);

        Assert.Equal([
            new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero),
        ], times);
    }

    [Fact]
    public void Every_day_keeps_the_cron_triggers_were_stored_with_before_days_existed()
    {
        // Unchanged cron means the synchronizer leaves an upgraded bot's triggers (and their pending misfires) alone.
        Assert.Equal("0 0 9 * * ?", ChannelTrigger.Daily(Channel("Asia/Seoul", 9)).Cron);
    }
}
