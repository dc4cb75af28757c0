using StudyBot.Core.Review.Reminders;

namespace StudyBot.Core.Tests.Review.Reminders;

public sealed class ReminderTimesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    [Fact]
    public void A_time_DST_skips_moves_forward_to_the_first_valid_time()
    {
        // 2026-03-08: New York jumps from 02:00 EST to 03:00 EDT, so 02:30 never happens.
        var at = ReminderTimes.At(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)), at);
    }

    [Fact]
    public void A_time_DST_repeats_takes_its_first_occurrence()
    {
        // 2026-11-01: 01:30 happens at EDT (-4) and again an hour later at EST (-5).
        var at = ReminderTimes.At(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4)), at);
    }

    [Fact]
    public void Next_is_today_when_the_time_is_still_ahead_and_tomorrow_when_it_has_passed()
    {
        var morning = new DateTimeOffset(2026, 5, 4, 7, 0, 0, TimeSpan.FromHours(9));
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.FromHours(9)), ReminderTimes.Next(new TimeOnly(8, 0), Seoul, morning, null));
        Assert.Equal(new DateTimeOffset(2026, 5, 5, 6, 0, 0, TimeSpan.FromHours(9)), ReminderTimes.Next(new TimeOnly(6, 0), Seoul, morning, null));
    }

    [Fact]
    public void Next_skips_the_local_day_a_reminder_was_already_sent_on()
    {
        var morning = new DateTimeOffset(2026, 5, 4, 7, 0, 0, TimeSpan.FromHours(9));
        var next = ReminderTimes.Next(new TimeOnly(8, 0), Seoul, morning, lastSentDate: new DateOnly(2026, 5, 4));
        Assert.Equal(new DateTimeOffset(2026, 5, 5, 8, 0, 0, TimeSpan.FromHours(9)), next);
    }
}
