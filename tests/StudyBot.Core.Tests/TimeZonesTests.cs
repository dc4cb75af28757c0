using StudyBot.Core.Study;

namespace StudyBot.Core.Tests;

public class TimeZonesTests
{
    [Fact]
    public void A_week_runs_monday_to_monday_in_the_channel_zone()
    {
        Assert.True(TimeZones.TryFind("Asia/Seoul", out var seoul));
        // Sunday 2026-11-22 23:30 in Seoul is 14:30 UTC.
        var sundayNight = new DateTimeOffset(2026, 11, 22, 14, 30, 0, TimeSpan.Zero);
        var (start, end) = TimeZones.WeekOf(sundayNight, seoul);
        Assert.Equal(new DateTimeOffset(2026, 11, 15, 15, 0, 0, TimeSpan.Zero), start); // Monday 00:00 KST
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void A_week_that_crosses_a_dst_change_is_still_seven_local_days()
    {
        Assert.True(TimeZones.TryFind("America/New_York", out var newYork));
        // New York leaves DST on Sunday 2026-11-01, so the week of Wednesday 2026-10-28 has 169 hours.
        var (start, end) = TimeZones.WeekOf(new DateTimeOffset(2026, 10, 28, 12, 0, 0, TimeSpan.Zero), newYork);
        Assert.Equal(TimeSpan.FromHours(7 * 24 + 1), end - start);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 4, 0, 0, TimeSpan.Zero), start); // Monday 00:00 EDT
    }

    [Theory]
    [InlineData("Asia/Seoul", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Time_zones_are_iana_names(string? id, bool known) => Assert.Equal(known, TimeZones.TryFind(id, out _));
}
