namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>
/// Discord closes a connection that sends more than 120 events in 60 s (heartbeats included). Other
/// sends stop short of the limit so a few slots always stay free for heartbeats.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider clock, int limit = 120, int heartbeatReserve = 5, TimeSpan? window = null)
{
    private readonly TimeSpan _window = window ?? TimeSpan.FromSeconds(60);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _gate = new();

    public async Task WaitAsync(bool isHeartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake(isHeartbeat ? limit : limit - heartbeatReserve);
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private TimeSpan TryTake(int allowed)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            while (_sent.Count > 0 && _sent.Peek() <= now - _window) _sent.Dequeue();
            if (_sent.Count < allowed)
            {
                _sent.Enqueue(now);
                return TimeSpan.Zero;
            }
            // The slot frees when the oldest send that keeps us at the limit leaves the window.
            return _sent.ElementAt(_sent.Count - allowed) + _window - now;
        }
    }
}
