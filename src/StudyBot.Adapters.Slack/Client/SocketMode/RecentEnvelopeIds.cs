using System.Collections.Concurrent;

namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>
/// Envelope ids seen lately. Slack delivers at least once (a late ack, a socket replaced mid-flight),
/// so a redelivered envelope must be acknowledged but not handled again. Slack retries within
/// minutes; ids are kept for <see cref="Retention"/>.
/// </summary>
internal sealed class RecentEnvelopeIds(TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _adds;

    /// <summary><c>true</c> the first time an id is seen.</summary>
    public bool TryAdd(string envelopeId)
    {
        var now = clock.GetUtcNow();
        if (!_seen.TryAdd(envelopeId, now)) return false;
        if (Interlocked.Increment(ref _adds) % 1024 == 0) Prune(now);
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, seenAt) in _seen)
            if (now - seenAt > Retention) _seen.TryRemove(id, out _);
    }
}
