using System.Globalization;

namespace StudyBot.Core.Commands;

/// <summary>Parsing of the small argument types commands take.</summary>
public static class CommandArgs
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm"];

    public static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>English names or abbreviations ("sun", "Sunday") and Korean ("일", "일요일").</summary>
    public static bool TryDay(string? text, out DayOfWeek day)
    {
        day = DayOfWeek.Sunday;
        var key = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(key)) return false;
        string[][] names =
        [
            ["sun", "sunday", "일", "일요일"], ["mon", "monday", "월", "월요일"], ["tue", "tuesday", "화", "화요일"],
            ["wed", "wednesday", "수", "수요일"], ["thu", "thursday", "목", "목요일"], ["fri", "friday", "금", "금요일"],
            ["sat", "saturday", "토", "토요일"],
        ];
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Contains(key))
            {
                day = (DayOfWeek)i;
                return true;
            }
        }
        return false;
    }

    private static readonly string[] KoreanDays = ["일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"];

    public static string DayName(DayOfWeek day, Content.Language language) =>
        language == Content.Language.Ko ? KoreanDays[(int)day] : day.ToString();

    public static string Hhmm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
