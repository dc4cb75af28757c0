using StudyBot.Core.Commands;
using StudyBot.Core.Content;
using StudyBot.Core.Text;

namespace StudyBot.Core.Study;

/// <summary>
/// The days of the week a channel gets its daily question, as a set of <see cref="DayOfWeek"/> bits
/// (Sunday = bit 0, as <see cref="DayOfWeek"/> counts). Stored as that number; never empty.
/// </summary>
public readonly record struct StudyDays
{
    private const int AllBits = 0b111_1111;
    private const int WeekdayBits = 0b011_1110;

    public static readonly StudyDays Daily = new(AllBits);
    public static readonly StudyDays Weekdays = new(WeekdayBits);

    // Quartz's day-of-week names, indexed by DayOfWeek.
    private static readonly string[] CronNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private StudyDays(int bits) => Bits = bits;

    /// <summary>The stored number: bit <c>(int)day</c> set for each day in the set.</summary>
    public int Bits { get; }

    public static StudyDays FromBits(int bits) =>
        (bits & AllBits) is var valid and not 0 ? new StudyDays(valid) : throw new ArgumentOutOfRangeException(nameof(bits), bits, "A set of study days is never empty.");

    public static StudyDays Of(params DayOfWeek[] days) => FromBits(days.Aggregate(0, (bits, day) => bits | 1 << (int)day));

    public bool Contains(DayOfWeek day) => (Bits & 1 << (int)day) != 0;

    public StudyDays With(StudyDays other) => new(Bits | other.Bits);

    /// <summary>
    /// "daily" / "매일", "weekdays" / "평일", "weekends" / "주말", or days listed with commas or spaces in English
    /// or Korean ("mon,wed,fri", "월, 수, 금", "Monday Friday"). Repeats are fine; anything else fails.
    /// </summary>
    public static bool TryParse(string? text, out StudyDays days)
    {
        days = Daily;
        var key = text?.Trim() ?? "";
        if (key.Length == 0) return false;
        switch (key.ToLowerInvariant())
        {
            case "daily" or "every day" or "everyday" or "매일":
                return true;
            case "weekdays" or "평일":
                days = Weekdays;
                return true;
            case "weekends" or "weekend" or "주말":
                days = Of(DayOfWeek.Saturday, DayOfWeek.Sunday);
                return true;
        }
        var bits = 0;
        foreach (var word in key.Split([',', ' ', '、', '，'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!CommandValues.TryDay(word, out var day)) return false;
            bits |= 1 << (int)day;
        }
        days = new StudyDays(bits);
        return bits != 0;
    }

    /// <summary>Quartz's day-of-week field: <c>?</c>-free, "*" for every day, else "MON,WED,FRI".</summary>
    public string CronDayOfWeek => Bits == AllBits ? "*" : string.Join(',', Members().Select(day => CronNames[(int)day]));

    /// <summary>The days for people: "every day", "weekdays", or "Mon, Wed, Fri" / "월, 수, 금".</summary>
    public string Describe(Language language) => Bits switch
    {
        AllBits => Say.In(language, "every day", "매일"),
        WeekdayBits => Say.In(language, "weekdays", "평일"),
        _ => string.Join(", ", Members().Select(day => language == Language.Ko
            ? CommandValues.Days[(int)day].Aliases[1]
            : CronNames[(int)day][0] + CronNames[(int)day][1..].ToLowerInvariant())),
    };

    /// <summary>The days in the set, Monday first (as people list a study week).</summary>
    public IEnumerable<DayOfWeek> Members()
    {
        var bits = Bits;
        return Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7)).Where(day => (bits & 1 << (int)day) != 0);
    }

    public override string ToString() => CronDayOfWeek;
}
