using System.Text.Json;
using StudyBot.Adapters.Common;

namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>A Socket Mode frame (a JSON object), read once into the record for its kind.</summary>
internal abstract record SocketFrame
{
    /// <summary>Never throws: a frame that fits no known shape becomes <see cref="OtherFrame"/>.</summary>
    public static SocketFrame Parse(JsonElement root)
    {
        var type = root.Text("type");
        if (root.Text("envelope_id") is { Length: > 0 } envelopeId)
        {
            var payload = root.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            return new InboundEnvelope(envelopeId, type ?? "", EnvelopePayload.Parse(type ?? "", payload),
                root.IsTrue("accepts_response_payload"), root.Number("retry_attempt") ?? 0, root.Text("retry_reason"));
        }
        return type switch
        {
            "hello" => new HelloEnvelope(root.Number("num_connections") ?? 1),
            "disconnect" => new DisconnectEnvelope(root.Text("reason")),
            _ => new OtherFrame(type),
        };
    }
}

/// <summary>The first frame on a connection; <paramref name="NumConnections"/> counts the app's connections at Slack.</summary>
internal sealed record HelloEnvelope(int NumConnections) : SocketFrame;

/// <summary>Slack will close the connection: <c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c>, ...</summary>
internal sealed record DisconnectEnvelope(string? Reason) : SocketFrame;

/// <summary>An envelope to acknowledge: slash command, interaction or event.</summary>
internal sealed record InboundEnvelope(string EnvelopeId, string Type, EnvelopePayload Payload, bool AcceptsResponsePayload, int RetryAttempt, string? RetryReason)
    : SocketFrame;

/// <summary>A frame StudyBot has no use for.</summary>
internal sealed record OtherFrame(string? Type) : SocketFrame;
