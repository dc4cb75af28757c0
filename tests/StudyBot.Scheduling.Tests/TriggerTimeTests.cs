using Quartz;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Scheduling.Tests;

public class TriggerTimeTests
{
    private static ChannelSettings Channel(string zone, int hour, int minute = 0) =>
        new(7, new ChannelAddress("test", "c"), true, new TimeOnly(hour, minute), zone, null, true, DayOfWeek.Sunday, new TimeOnly(20, 0));

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
}
