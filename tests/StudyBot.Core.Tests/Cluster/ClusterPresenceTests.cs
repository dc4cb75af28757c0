using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StudyBot.Core.Cluster;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Cluster;

public sealed class ClusterPresenceTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Two_live_nodes_each_get_half_of_a_budget_and_the_survivor_gets_it_all_back_after_the_others_lease_expires()
    {
        var clock = new ManualClock();
        var leases = new InMemoryClusterLeases();
        var a = Presence("a", leases, clock);
        var b = Presence("b", leases, clock);
        var shares = new List<int>();
        using var following = a.FollowShareOf(50, shares.Add);

        await a.RenewAsync(default);
        await b.RenewAsync(default);
        await a.RenewAsync(default);
        Assert.Equal((2, 25, 25), (a.LiveNodes, a.ShareOf(50), b.ShareOf(50)));

        // B dies: no release, no renewal.
        clock.Advance(Lease);
        await a.RenewAsync(default);

        Assert.Equal((1, 50), (a.LiveNodes, a.ShareOf(50)));
        Assert.Equal([50, 25, 50], shares);
    }

    [Fact]
    public async Task A_share_never_falls_below_one_and_a_database_error_keeps_the_last_count()
    {
        var clock = new ManualClock();
        var leases = new InMemoryClusterLeases();
        for (var i = 0; i < 3; i++) await Presence($"n{i}", leases, clock).RenewAsync(default);
        var failing = new BreakableLeases(leases);
        var presence = Presence("me", failing, clock);
        await presence.RenewAsync(default);
        Assert.Equal((4, 1), (presence.LiveNodes, presence.ShareOf(2)));

        failing.Fail = true;
        clock.Advance(Lease * 2);
        await presence.RenewAsync(default);

        Assert.Equal(4, presence.LiveNodes);
    }

    private static ClusterPresence Presence(string node, IClusterLeases leases, ManualClock clock) =>
        new(leases, Options.Create(new ClusterOptions { NodeId = node, LeaseDuration = Lease }), clock, NullLogger<ClusterPresence>.Instance);

    private sealed class BreakableLeases(IClusterLeases inner) : IClusterLeases
    {
        public bool Fail { get; set; }

        public Task<bool> TryHoldAsync(string name, string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken) =>
            Fail ? throw new TimeoutException("database down") : inner.TryHoldAsync(name, holder, ttl, now, cancellationToken);

        public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) => inner.ReleaseAsync(name, holder, cancellationToken);

        public Task<int> CountLiveAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken) => inner.CountLiveAsync(prefix, now, cancellationToken);

        public Task DropExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken) => inner.DropExpiredAsync(before, cancellationToken);
    }
}
