using System.Text.Json;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>
/// A dispatch (op 0) the gateway hands on: its event name, its detached data and when it arrived
/// (<see cref="TimeProvider.GetTimestamp"/>), from which interaction deadlines are counted.
/// </summary>
internal sealed record GatewayDispatch(string? EventName, JsonElement Data, long ReceivedAt);
