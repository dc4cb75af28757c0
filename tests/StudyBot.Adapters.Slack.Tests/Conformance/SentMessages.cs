using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Adapters.Slack.Tests.Conformance;

/// <summary>Holds every message the bot sent to the fake Slack to Block Kit's limits, so any test that makes the bot talk checks what it said.</summary>
public static class SentMessages
{
    private static readonly HashSet<string> MessageMethods = ["chat.postMessage", "chat.update", "chat.postEphemeral", "respond"];

    /// <summary>Web API messages, response_url replies and slash-command acks that carry a reply.</summary>
    public static void AssertValid(FakeSlack slack)
    {
        foreach (var call in slack.Calls.All.Where(c => MessageMethods.Contains(c.Method) && CarriesMessage(c.Body)))
            BlockKitChecker.AssertValid(JsonNode.Parse(call.Body.GetRawText()), $"{call.Method} {Preview(call.Body)}");
        foreach (var frame in slack.Sockets.SelectMany(s => s.Received.All))
            if (frame.ValueKind == JsonValueKind.Object && frame.TryGetProperty("payload", out var payload) && CarriesMessage(payload))
                BlockKitChecker.AssertValid(JsonNode.Parse(payload.GetRawText()), $"an ack payload {Preview(payload)}");
    }

    /// <summary>A body with text or blocks; <c>{"delete_original": true}</c> and the like are not messages.</summary>
    private static bool CarriesMessage(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && (body.TryGetProperty("text", out _) || body.TryGetProperty("blocks", out _));

    private static string Preview(JsonElement body)
    {
        var text = body.GetRawText();
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
