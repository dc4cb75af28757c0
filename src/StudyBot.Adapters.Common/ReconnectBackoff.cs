namespace StudyBot.Adapters.Common;

/// <summary>
/// Capped exponential backoff with jitter: attempt n waits a random time between half and all of
/// min(max, base·2ⁿ), so a fleet of bots does not reconnect in lockstep after an outage.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
{
    public int Attempt { get; private set; }

    public TimeSpan Next()
    {
        var cap = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(Attempt, 30)));
        Attempt++;
        return TimeSpan.FromMilliseconds(cap / 2 + random() * cap / 2);
    }

    /// <summary>After a healthy connection (Discord READY, Slack hello), start again from the base delay.</summary>
    public void Reset() => Attempt = 0;
}
