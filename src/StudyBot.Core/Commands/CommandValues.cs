using System.Globalization;

namespace StudyBot.Core.Commands;

/// <summary>Reading and writing the small value types command parameters take.</summary>
public static class CommandValues
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm"];

    /// <summary>The seven days as choices: English name as value, Korean name, and the short forms people type ("sun", "일").</summary>
    public static readonly IReadOnlyList<ParameterChoice> Days =
    [
        new("sunday", "일요일", "sun", "일"), new("monday", "월요일", "mon", "월"), new("tuesday", "화요일", "tue", "화"),
        new("wednesday", "수요일", "wed", "수"), new("thursday", "목요일", "thu", "목"), new("friday", "금요일", "fri", "금"),
        new("saturday", "토요일", "sat", "토"),
    ];

    public static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>English names or abbreviations ("sun", "Sunday") and Korean ("일", "일요일").</summary>
    public static bool TryDay(string? text, out DayOfWeek day)
    {
        day = DayOfWeek.Sunday;
        for (var i = 0; i < Days.Count; i++)
        {
            if (Days[i].Matches(text))
            {
                day = (DayOfWeek)i;
                return true;
            }
        }
        return false;
    }

    public static string DayName(DayOfWeek day, Content.Language language) =>
        language == Content.Language.Ko ? Days[(int)day].NameKo : day.ToString();

    public static string Hhmm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
