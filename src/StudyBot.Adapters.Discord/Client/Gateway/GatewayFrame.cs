using System.Text.Json;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>One gateway payload <c>{op, d, s, t}</c>. <see cref="Data"/> is a detached copy, safe to hand to another thread.</summary>
internal sealed record GatewayFrame(int Op, JsonElement Data, long? Sequence, string? EventName)
{
    /// <summary>Parses a text frame; unknown fields are ignored, anything that is not a gateway payload is rejected.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8, out GatewayFrame frame)
    {
        frame = null!;
        try
        {
            using var json = JsonDocument.Parse(utf8);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number || !op.TryGetInt32(out var code))
                return false;
            var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
            long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var seq) ? seq : null;
            var name = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            frame = new GatewayFrame(code, data, sequence, name);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
