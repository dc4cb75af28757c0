using StudyBot.Core.Storage;

namespace StudyBot.Core.Cluster;

/// <summary>
/// Leases in this process's memory, for a host without a database (an adapter tried on its own): one
/// node, so it holds every lease. Any storage provider registers its own store over this one.
/// </summary>
public sealed class InMemoryClusterLeases : IClusterLeases
{
    private readonly Dictionary<string, (string Holder, DateTimeOffset Expires)> _leases = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<bool> TryHoldAsync(string name, string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Holder != holder && lease.Expires > now) return Task.FromResult(false);
            _leases[name] = (holder, now + ttl);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Holder == holder) _leases.Remove(name);
        }
        return Task.CompletedTask;
    }

    public Task<int> CountLiveAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_leases.Count(l => l.Key.StartsWith(prefix, StringComparison.Ordinal) && l.Value.Expires > now));
    }

    public Task DropExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var name in _leases.Where(l => l.Value.Expires < before).Select(l => l.Key).ToList()) _leases.Remove(name);
        }
        return Task.CompletedTask;
    }
}
