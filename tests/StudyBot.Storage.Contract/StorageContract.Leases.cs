using StudyBot.Core.Storage;

namespace StudyBot.Storage.Contract;

/// <summary>Cluster leases (<see cref="IClusterLeases"/>): take, renew, refuse another holder until expiry, release, count the live.</summary>
public abstract partial class StorageContract
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);

    private IClusterLeases Leases => Store.Leases;

    [Fact]
    public async Task A_free_lease_is_taken_and_another_holder_is_refused_while_it_lives()
    {
        Assert.True(await Leases.TryHoldAsync("discord-shard:0", "node-a", Ttl, T0, default));

        Assert.False(await Leases.TryHoldAsync("discord-shard:0", "node-b", Ttl, T0.AddSeconds(14), default));
        Assert.True(await Leases.TryHoldAsync("discord-shard:1", "node-b", Ttl, T0, default));
    }

    [Fact]
    public async Task The_holder_renews_its_lease_and_the_renewal_moves_the_expiry()
    {
        await Leases.TryHoldAsync("discord-shard:0", "node-a", Ttl, T0, default);

        Assert.True(await Leases.TryHoldAsync("discord-shard:0", "node-a", Ttl, T0.AddSeconds(10), default));

        // Past the first expiry, within the renewed one.
        Assert.False(await Leases.TryHoldAsync("discord-shard:0", "node-b", Ttl, T0.AddSeconds(20), default));
        Assert.True(await Leases.TryHoldAsync("discord-shard:0", "node-b", Ttl, T0.AddSeconds(25), default));
    }

    [Fact]
    public async Task An_expired_lease_goes_to_the_next_holder_and_its_old_holder_cannot_renew_it()
    {
        await Leases.TryHoldAsync("discord-shard:0", "node-a", Ttl, T0, default);

        Assert.True(await Leases.TryHoldAsync("discord-shard:0", "node-b", Ttl, T0 + Ttl, default));
        Assert.False(await Leases.TryHoldAsync("discord-shard:0", "node-a", Ttl, T0 + Ttl, default));
    }

    [Fact]
    public async Task A_released_lease_is_free_at_once_but_only_its_holder_releases_it()
    {
        await Leases.TryHoldAsync("discord-shard:0", "node-a", Ttl, T0, default);

        await Leases.ReleaseAsync("discord-shard:0", "node-b", default);
        Assert.False(await Leases.TryHoldAsync("discord-shard:0", "node-b", Ttl, T0, default));

        await Leases.ReleaseAsync("discord-shard:0", "node-a", default);
        Assert.True(await Leases.TryHoldAsync("discord-shard:0", "node-b", Ttl, T0, default));
    }

    [Fact]
    public async Task Live_leases_are_counted_by_prefix_taken_literally()
    {
        await Leases.TryHoldAsync("node:a", "a", Ttl, T0, default);
        await Leases.TryHoldAsync("node:b", "b", Ttl, T0.AddSeconds(-10), default);
        await Leases.TryHoldAsync("node:c", "c", Ttl, T0.AddSeconds(-30), default); // expired at T0
        await Leases.TryHoldAsync("nodeXd", "d", Ttl, T0, default);
        await Leases.TryHoldAsync("discord-shard:0", "a", Ttl, T0, default);

        Assert.Equal(2, await Leases.CountLiveAsync("node:", T0, default));
        Assert.Equal(1, await Leases.CountLiveAsync("node:", T0.AddSeconds(10), default));
        // '_' and '%' are not wildcards.
        Assert.Equal(0, await Leases.CountLiveAsync("node_", T0, default));
        Assert.Equal(0, await Leases.CountLiveAsync("%", T0, default));
    }

    [Fact]
    public async Task Dropping_expired_leases_keeps_the_live_ones()
    {
        await Leases.TryHoldAsync("slack-envelope:old", "a", Ttl, T0.AddMinutes(-10), default);
        await Leases.TryHoldAsync("slack-envelope:new", "a", Ttl, T0, default);

        await Leases.DropExpiredAsync(T0, default);

        Assert.Equal(1, await Leases.CountLiveAsync("slack-envelope:", T0, default));
        // The dropped one is free; the live one is still refused to anyone else.
        Assert.True(await Leases.TryHoldAsync("slack-envelope:old", "b", Ttl, T0.AddMinutes(-10), default));
        Assert.False(await Leases.TryHoldAsync("slack-envelope:new", "b", Ttl, T0, default));
    }
}
