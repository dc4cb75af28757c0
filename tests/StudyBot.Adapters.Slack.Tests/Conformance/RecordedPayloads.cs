using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Adapters.Slack.Tests.Conformance;

/// <summary>The payloads recorded by Slack's own SDKs (Conformance/Recorded, sources in Conformance/README.md).</summary>
public static class RecordedPayloads
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "Recorded", name));

    public static JsonElement Element(string name) => JsonDocument.Parse(Text(name)).RootElement.Clone();

    /// <summary>A recorded body with <paramref name="edit"/> applied: the SDK samples say <c>ok:false</c> and blank every value.</summary>
    public static JsonObject Node(string name, Action<JsonObject>? edit = null)
    {
        var node = JsonNode.Parse(Text(name))!.AsObject();
        edit?.Invoke(node);
        return node;
    }

    /// <summary>A recorded Web API success body: <c>ok:true</c>, the sample's empty error fields removed.</summary>
    public static JsonObject Success(string name, Action<JsonObject>? edit = null) => Node(name, body =>
    {
        body["ok"] = true;
        foreach (var field in new[] { "error", "needed", "provided", "warning" }) body.Remove(field);
        edit?.Invoke(body);
    });

    /// <summary>An envelope as a frame for the fake socket, with its response_url pointed at the fake Slack.</summary>
    public static string Envelope(string name, string? responseUrl = null) => Node(name, envelope =>
    {
        if (responseUrl is not null && envelope["payload"] is JsonObject payload) payload["response_url"] = responseUrl;
    }).ToJsonString();
}
