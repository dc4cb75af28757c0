namespace StudyBot.Adapters.Discord.Rest;

/// <summary>
/// The bot-wide limit: at most N requests in any second as Discord counts them, and a full stop while
/// Discord says the global limit is hit (a 429 with <c>X-RateLimit-Global</c>, or one without any body
/// or bucket).
/// </summary>
/// <remarks>
/// Discord counts a request when it arrives, which is somewhere between our send and its response.
/// So a request holds its place from the moment it is sent until one second after its response:
/// whatever the network does to the timing, no second at Discord can hold more than N of ours.
/// (Counting from the send alone drew global 429s in a 1,000-channel fan-out whenever a request was
/// delayed on its way; see tests/StudyBot.Benchmarks.)
/// </remarks>
public sealed class GlobalRateLimit(int perSecond, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _answered = new();
    private readonly Lock _gate = new();
    private int _inFlight;
    private DateTimeOffset _pausedUntil;

    public void PauseFor(TimeSpan retryAfter)
    {
        var until = clock.GetUtcNow() + retryAfter;
        lock (_gate)
        {
            if (until > _pausedUntil) _pausedUntil = until;
        }
    }

    /// <summary>
    /// Waits while paused or while N requests are in flight or answered within the last second.
    /// <paramref name="countsTowardLimit"/> is false for interaction routes, which Discord exempts from
    /// the limit. Dispose the returned place when the response has arrived (or the request failed).
    /// </summary>
    public async Task<IDisposable> WaitAsync(bool countsTowardLimit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake(countsTowardLimit);
            if (wait <= TimeSpan.Zero) return countsTowardLimit ? new Place(this) : NoPlace.Instance;
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
            while (_answered.Count > 0 && _answered.Peek() <= now - Window) _answered.Dequeue();
            if (_inFlight + _answered.Count < perSecond)
            {
                _inFlight++;
                return TimeSpan.Zero;
            }
            // Full with requests still in flight and none answered: look again shortly.
            return _answered.Count > 0 ? _answered.Peek() + Window - now : TimeSpan.FromMilliseconds(10);
        }
    }

    private void Answered()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _inFlight--;
            _answered.Enqueue(now);
        }
    }

    private sealed class Place(GlobalRateLimit limit) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) limit.Answered();
        }
    }

    private sealed class NoPlace : IDisposable
    {
        public static readonly NoPlace Instance = new();

        public void Dispose()
        {
        }
    }
}
