namespace StudyBot.Adapters.Slack.SocketMode;

/// <summary>Capped exponential delays with jitter, so many bots restarting together do not reconnect in step.</summary>
internal sealed class Backoff(TimeSpan first, TimeSpan max)
{
    private int _attempt;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_attempt++, 16);
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, exponent));
        // Between half and all of the ceiling.
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + Random.Shared.NextDouble() / 2));
    }

    public void Reset() => _attempt = 0;
}
