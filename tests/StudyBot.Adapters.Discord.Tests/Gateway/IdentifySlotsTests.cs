using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Discord.Client.Gateway;
using StudyBot.Core.Cluster;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

/// <summary>Identify spacing per rate_limit_key (shard_id % max_concurrency), shared by nodes through the leases.</summary>
public sealed class IdentifySlotsTests
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Shards_of_one_key_on_two_nodes_identify_five_seconds_apart_and_another_key_goes_at_once()
    {
        var clock = new ManualClock();
        var leases = new InMemoryClusterLeases();
        var nodeA = Slots("node-a", leases, clock);
        var nodeB = Slots("node-b", leases, clock);

        await nodeA.WaitAsync(new GatewayShard(0, 4), maxConcurrency: 2, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        await nodeA.SentAsync(new GatewayShard(0, 4), CancellationToken.None);
        var sameKey = nodeB.WaitAsync(new GatewayShard(2, 4), maxConcurrency: 2, CancellationToken.None);
        var otherKey = nodeB.WaitAsync(new GatewayShard(1, 4), maxConcurrency: 2, CancellationToken.None);

        await otherKey.WaitAsync(TimeSpan.FromSeconds(5));
        await clock.WaitForTimersAsync();
        clock.Advance(Spacing - TimeSpan.FromMilliseconds(100));
        Assert.False(sameKey.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(600));
        await sameKey.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Two_shards_of_one_key_on_the_same_node_are_spaced_too()
    {
        var clock = new ManualClock();
        var slots = Slots("node-a", new InMemoryClusterLeases(), clock);

        await slots.WaitAsync(new GatewayShard(0, 2), maxConcurrency: 1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        await slots.SentAsync(new GatewayShard(0, 2), CancellationToken.None);
        var second = slots.WaitAsync(new GatewayShard(1, 2), maxConcurrency: 1, CancellationToken.None);

        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_spacing_counts_from_the_identify_sent_not_from_the_slot_taken()
    {
        var clock = new ManualClock();
        var slots = Slots("node-a", new InMemoryClusterLeases(), clock);
        await slots.WaitAsync(new GatewayShard(0, 2), maxConcurrency: 1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var second = slots.WaitAsync(new GatewayShard(1, 2), maxConcurrency: 1, CancellationToken.None);
        await clock.WaitForTimersAsync();

        // Connecting and HELLO took 1.5 s; the identify went out then.
        clock.Advance(TimeSpan.FromSeconds(1.5));
        await slots.SentAsync(new GatewayShard(0, 2), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(4.5));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static IdentifySlots Slots(string node, InMemoryClusterLeases leases, ManualClock clock)
    {
        var presence = new ClusterPresence(leases, Options.Create(new ClusterOptions { NodeId = node }), clock, NullLogger<ClusterPresence>.Instance);
        return new IdentifySlots(leases, presence, Options.Create(new DiscordOptions { IdentifySpacing = Spacing, HelloTimeout = TimeSpan.FromSeconds(2) }), clock, NullLogger<IdentifySlots>.Instance);
    }
}
