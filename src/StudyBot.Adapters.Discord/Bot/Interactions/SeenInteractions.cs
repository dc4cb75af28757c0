using System.Text.Json;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>
/// Lets each interaction id through once: a RESUME replays events the bot may already have handled,
/// and answering one twice would record it twice.
/// </summary>
internal sealed class SeenInteractions
{
    private const int RememberedIds = 16_384;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time an id is seen; false for a duplicate or a payload without an id.</summary>
    public bool TryAdd(JsonElement payload)
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
        return true;
    }
}
