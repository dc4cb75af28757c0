using System.Text.Json;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>An INTERACTION_CREATE payload and when it arrived (<see cref="TimeProvider.GetTimestamp"/>): the 3 s count from receipt.</summary>
internal sealed record ReceivedInteraction(JsonElement Payload, long ReceivedAt);
