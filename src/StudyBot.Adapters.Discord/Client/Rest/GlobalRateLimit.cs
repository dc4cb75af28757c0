using StudyBot.Adapters.Common;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// The bot-wide limit: at most N requests in any second as Discord counts them (see
/// <see cref="RequestWindowLimit"/>), and a full stop while Discord says the global limit is hit (a 429
/// with <c>X-RateLimit-Global</c>, or one without any body or bucket).
/// </summary>
/// <remarks>
/// Counting from the send alone drew global 429s in a 1,000-channel fan-out whenever a request was
/// delayed on its way; see tests/StudyBot.Benchmarks.
/// </remarks>
internal sealed class GlobalRateLimit(int perSecond, TimeProvider clock) : IDisposable
{
    private readonly RequestWindowLimit _perSecond = new(perSecond, TimeSpan.FromSeconds(1), clock);
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil;

    /// <summary>Requests allowed per second from this node: its share of the bot's limit (see <see cref="RequestWindowLimit.Permits"/>).</summary>
    public int PerSecond
    {
        get => _perSecond.Permits;
        set => _perSecond.Permits = value;
    }

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
        await WaitOutPauseAsync(cancellationToken);
        if (!countsTowardLimit) return NoPlace.Instance;
        var place = await _perSecond.WaitTurnAsync(cancellationToken);
        // A pause may have begun while this request queued for its place.
        await WaitOutPauseAsync(cancellationToken);
        return place;
    }

    public void Dispose() => _perSecond.Dispose();

    private async Task WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        while (PausedFor() is var wait && wait > TimeSpan.Zero)
            await Task.Delay(wait, clock, cancellationToken);
    }

    private TimeSpan PausedFor()
    {
        var now = clock.GetUtcNow();
        lock (_gate) return _pausedUntil - now;
    }

    private sealed class NoPlace : IDisposable
    {
        public static readonly NoPlace Instance = new();

        public void Dispose()
        {
        }
    }
}
