using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Cluster;
using StudyBot.Core.Storage;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>
/// Discord's session start limit across the cluster: shards with the same rate_limit_key
/// (<c>shard_id % max_concurrency</c>) identify at most once per <see cref="DiscordOptions.IdentifySpacing"/>,
/// whichever node runs them. Each identify takes the key's lease (<c>discord-identify:&lt;key&gt;</c>) under a
/// holder name of its own before connecting, long enough to reach HELLO, and once IDENTIFY is sent
/// renews it for the spacing from then: Discord counts the IDENTIFY's arrival, not our connect.
/// </summary>
internal sealed class IdentifySlots(
    IClusterLeases leases,
    ClusterPresence cluster,
    IOptions<DiscordOptions> options,
    TimeProvider clock,
    ILogger<IdentifySlots> logger)
{
    public const string Prefix = "discord-identify:";

    private readonly ConcurrentDictionary<int, (string Name, string Holder)> _taken = new();

    /// <summary>Waits until the shard may send IDENTIFY.</summary>
    public async Task WaitAsync(GatewayShard shard, int maxConcurrency, CancellationToken cancellationToken)
    {
        var spacing = options.Value.IdentifySpacing;
        if (spacing <= TimeSpan.Zero) return;
        var name = Prefix + shard.RateLimitKey(maxConcurrency);
        // Unique per identify: a renewal by the same holder would let this node's own shards through together.
        var holder = $"{cluster.NodeId}/{shard.Id}/{Guid.NewGuid():N}";
        var poll = TimeSpan.FromTicks(Math.Clamp(spacing.Ticks / 10, TimeSpan.FromMilliseconds(20).Ticks, TimeSpan.FromSeconds(1).Ticks));
        var untilHello = spacing + options.Value.HelloTimeout;
        while (true)
        {
            try
            {
                if (await leases.TryHoldAsync(name, holder, untilHello, clock.GetUtcNow(), cancellationToken))
                {
                    _taken[shard.Id] = (name, holder);
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without the database no node can prove the slot is free: wait and ask again.
                logger.IdentifySlotUnavailable(shard.Id, e.Message);
            }
            await Task.Delay(poll, clock, cancellationToken);
        }
    }

    /// <summary>Called right after the shard sent IDENTIFY: the key stays taken for the spacing from now.</summary>
    public async Task SentAsync(GatewayShard shard, CancellationToken cancellationToken)
    {
        if (!_taken.TryRemove(shard.Id, out var slot)) return;
        try
        {
            await leases.TryHoldAsync(slot.Name, slot.Holder, options.Value.IdentifySpacing, clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The slot taken before connecting still runs until HELLO timeout + spacing: never shorter than asked.
            logger.IdentifySlotUnavailable(shard.Id, e.Message);
        }
    }
}
