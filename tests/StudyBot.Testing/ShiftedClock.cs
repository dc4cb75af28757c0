namespace StudyBot.Testing;

/// <summary>
/// A clock that runs at real speed from a chosen instant: "now" is set, timers stay real, so Quartz
/// and the host behave as in production while a test decides what day and hour it is.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset now) : TimeProvider
{
    private TimeSpan _offset = now - System.GetUtcNow();

    public void Set(DateTimeOffset now) => _offset = now - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
