namespace StudyBot.Core.Study;

/// <summary>IANA time zones ("Asia/Seoul") resolved through the runtime's time zone database.</summary>
public static class TimeZones
{
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static TimeZoneInfo FindOrUtc(string? id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The UTC bounds of the Monday-to-Sunday week that holds <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) WeekOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var localDate = LocalDate(instant, zone);
        var monday = localDate.AddDays(-(((int)localDate.DayOfWeek + 6) % 7));
        return (StartOfDay(monday, zone), StartOfDay(monday.AddDays(7), zone));
    }

    /// <summary>The instant of a local date and time; a time skipped by DST moves to the first valid time after it.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The instant a local date begins; a day whose midnight is skipped by DST starts at the first valid time.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone) => At(date, TimeOnly.MinValue, zone);
}
