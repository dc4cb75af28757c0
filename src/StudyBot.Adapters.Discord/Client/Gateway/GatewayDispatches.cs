using System.Threading.Channels;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>
/// The channel the receive loops (one per shard) publish dispatches on, so a slow reader never delays heartbeats.
/// </summary>
internal static class GatewayDispatches
{
    // Bounded so a stalled reader cannot grow memory; the oldest are dropped, interactions being past
    // their 3 s anyway. The bound is what the bot answers within those 3 s (about 5,000 clicks a second
    // on two cores, see tests/StudyBot.Benchmarks): a smaller one dropped live clicks in a 10,000-click burst.
    private const int Capacity = 16_384;

    public static Channel<GatewayDispatch> Create() => Channel.CreateBounded<GatewayDispatch>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.DropOldest });
}
