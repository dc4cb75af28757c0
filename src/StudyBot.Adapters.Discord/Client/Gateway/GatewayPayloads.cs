using System.Text.Json.Nodes;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>The payloads StudyBot sends. IDENTIFY and RESUME carry the token: never log them.</summary>
internal static class GatewayPayloads
{
    /// <summary>Interactions arrive without any intent; no privileged intent (message content, members) is asked for.</summary>
    public const int Intents = 0;

    public static string Heartbeat(long? sequence) =>
        new JsonObject { ["op"] = GatewayOpCodes.Heartbeat, ["d"] = sequence }.ToJsonString();

    public static string Identify(string token, int shardId, int shardCount) => new JsonObject
    {
        ["op"] = GatewayOpCodes.Identify,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = Intents,
            ["properties"] = new JsonObject { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "studybot", ["device"] = "studybot" },
            ["shard"] = new JsonArray(shardId, shardCount),
        },
    }.ToJsonString();

    public static string Resume(string token, string sessionId, long? sequence) => new JsonObject
    {
        ["op"] = GatewayOpCodes.Resume,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = sessionId, ["seq"] = sequence },
    }.ToJsonString();
}
