using System.Text.Json;
using System.Threading.Channels;

namespace StudyBot.Adapters.Discord.Interactions;

/// <summary>
/// Hands interactions from the gateway's receive loop to the handlers, so a slow handler never
/// delays heartbeats. Each interaction id passes once: a RESUME replays events the client may
/// already have handled, and answering one twice would record it twice.
/// </summary>
public sealed class InteractionQueue
{
    private const int RememberedIds = 16_384;

    // Bounded so a stalled handler cannot grow memory; the oldest are dropped, being past their 3 s
    // anyway. The bound is what the bot answers within those 3 s (about 5,000 clicks a second on two
    // cores, see tests/StudyBot.Benchmarks): a smaller one dropped live clicks in a 10,000-click burst.
    private const int Capacity = 16_384;

    private readonly Channel<ReceivedInteraction> _channel = Channel.CreateBounded<ReceivedInteraction>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    public ChannelReader<ReceivedInteraction> Reader => _channel.Reader;

    /// <summary>Queues the interaction unless its id was seen before; false for a duplicate or a payload without an id.</summary>
    public bool TryEnqueue(JsonElement payload, long receivedAt)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String
            || idElement.GetString() is not { Length: > 0 } id)
            return false;
        lock (_gate)
        {
            if (!_seen.Add(id)) return false;
            _order.Enqueue(id);
            if (_order.Count > RememberedIds) _seen.Remove(_order.Dequeue());
        }
        return _channel.Writer.TryWrite(new ReceivedInteraction(payload, receivedAt));
    }
}
