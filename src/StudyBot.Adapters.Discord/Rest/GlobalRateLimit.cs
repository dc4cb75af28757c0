namespace StudyBot.Adapters.Discord.Rest;

/// <summary>
/// The bot-wide limit: at most N requests in any second, and a full stop while Discord says the
/// global limit is hit (a 429 with <c>X-RateLimit-Global</c>, or one without any body or bucket).
/// </summary>
public sealed class GlobalRateLimit(int perSecond, TimeProvider clock)
{
    // One second plus a margin: requests leave here a little unevenly and reach Discord with jitter,
    // and without the margin a fan-out to 1,000 channels drew a few global 429s (tests/StudyBot.Benchmarks).
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.025);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil;

    public void PauseFor(TimeSpan retryAfter)
    {
        var until = clock.GetUtcNow() + retryAfter;
        lock (_gate)
        {
            if (until > _pausedUntil) _pausedUntil = until;
        }
    }

    /// <summary>Waits while paused; <paramref name="countsTowardLimit"/> is false for interaction routes, which Discord exempts from the 50/s.</summary>
    public async Task WaitAsync(bool countsTowardLimit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake(countsTowardLimit);
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private TimeSpan TryTake(bool countsTowardLimit)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_pausedUntil > now) return _pausedUntil - now;
            if (!countsTowardLimit) return TimeSpan.Zero;
            while (_sent.Count > 0 && _sent.Peek() <= now - Window) _sent.Dequeue();
            if (_sent.Count < perSecond)
            {
                _sent.Enqueue(now);
                return TimeSpan.Zero;
            }
            return _sent.Peek() + Window - now;
        }
    }
}
