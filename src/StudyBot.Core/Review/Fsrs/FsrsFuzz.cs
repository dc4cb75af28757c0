namespace StudyBot.Core.Review;

/// <summary>
/// Interval fuzz as ts-fsrs help.ts get_fuzz_range / algorithm.ts apply_fuzz describe it: intervals of 2.5
/// days or more move by up to 1 day plus 15% of the part in 2.5–7 days, 10% of 7–20 and 5% beyond 20.
/// </summary>
public static class FsrsFuzz
{
    private static readonly (double Start, double End, double Factor)[] Ranges =
    [
        (2.5, 7.0, 0.15),
        (7.0, 20.0, 0.1),
        (20.0, double.PositiveInfinity, 0.05),
    ];

    // FSRS fuzz range: interval ± (1 + sum of factor * overlap with each range), at least 2 and past the elapsed days
    public static (int Min, int Max) Range(double interval, int elapsedDays, int maximumInterval)
    {
        var delta = 1.0;
        foreach (var (start, end, factor) in Ranges)
            delta += factor * Math.Max(Math.Min(interval, end) - start, 0.0);
        interval = Math.Min(interval, maximumInterval);
        var min = (int)Math.Max(2, FsrsFormulas.RoundHalfUp(interval - delta));
        var max = (int)Math.Min(FsrsFormulas.RoundHalfUp(interval + delta), maximumInterval);
        if (interval > elapsedDays)
            min = Math.Max(min, elapsedDays + 1);
        min = Math.Min(min, max);
        return (min, max);
    }

    // FSRS apply fuzz: a uniform whole day within the fuzz range; intervals under 2.5 days are not fuzzed
    public static int Apply(int interval, int elapsedDays, int maximumInterval, Random random)
    {
        if (interval < 2.5)
            return interval;
        var (min, max) = Range(interval, elapsedDays, maximumInterval);
        return (int)Math.Floor(random.NextDouble() * (max - min + 1) + min);
    }
}
