using StudyBot.Core.Storage;

namespace StudyBot.Adapters.Discord.Tests.Cluster;

/// <summary>A node's way to the shared leases that a test can cut, as a network partition or a dead node would.</summary>
internal sealed class SeverableLeases(IClusterLeases inner) : IClusterLeases
{
    private volatile bool _severed;

    public void Sever() => _severed = true;

    public Task<bool> TryHoldAsync(string name, string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken) =>
        Reachable().TryHoldAsync(name, holder, ttl, now, cancellationToken);

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) => Reachable().ReleaseAsync(name, holder, cancellationToken);

    public Task<int> CountLiveAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken) => Reachable().CountLiveAsync(prefix, now, cancellationToken);

    public Task DropExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken) => Reachable().DropExpiredAsync(before, cancellationToken);

    private IClusterLeases Reachable() => _severed ? throw new TimeoutException("the database cannot be reached (severed by the test)") : inner;
}
