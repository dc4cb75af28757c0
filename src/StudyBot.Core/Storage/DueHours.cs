namespace StudyBot.Core.Storage;

/// <summary>
/// The parameters of the all-members due count over the due tally both stores keep (migration 011):
/// <see cref="Now"/> in UTC milliseconds and the UTC hour it falls in, <c>due / 3,600,000</c> as the tally's triggers bucket a card.
/// </summary>
public sealed record DueHours(long Hour, long Now)
{
    public const long HourMs = 3_600_000;

    public static DueHours Of(DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        return new DueHours(ms / HourMs, ms);
    }
}
