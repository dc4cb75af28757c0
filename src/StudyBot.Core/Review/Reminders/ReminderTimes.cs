using StudyBot.Core.Study;

namespace StudyBot.Core.Review.Reminders;

/// <summary>When a member's daily reminder time next comes round, with the time zone's DST rules.</summary>
public static class ReminderTimes
{
    /// <summary>
    /// The instant of a local date and time. A time DST skips moves forward to the first valid time
    /// after it; a time DST repeats takes its first occurrence (the larger offset), so the reminder is
    /// never an hour late and never twice.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max()).ToUniversalTime();
        return TimeZones.At(date, time, zone);
    }

    /// <summary>
    /// The first instant after <paramref name="after"/> at which <paramref name="time"/> comes round on a
    /// local date later than <paramref name="lastSentDate"/> (one reminder a local day).
    /// </summary>
    public static DateTimeOffset Next(TimeOnly time, TimeZoneInfo zone, DateTimeOffset after, DateOnly? lastSentDate)
    {
        var date = TimeZones.LocalDate(after, zone);
        if (lastSentDate is { } sent && sent >= date) date = sent.AddDays(1);
        // Two steps cover every case: today's time may have passed already; a DST shift moves it by hours, not days.
        for (var i = 0; ; i++)
        {
            var candidate = At(date.AddDays(i), time, zone);
            if (candidate > after) return candidate;
        }
    }
}
