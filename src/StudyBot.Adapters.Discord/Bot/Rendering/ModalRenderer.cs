using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Core.Chat;
using StudyBot.Core.Text;

namespace StudyBot.Adapters.Discord.Bot.Rendering;

/// <summary>
/// Renders a core <see cref="ChatForm"/> as a modal (interaction response type 9): the intro as a text
/// display, each field as a label holding a text input, pre-filled with its value; and reads a submitted
/// modal's values back (MODAL_SUBMIT <c>data.components</c>, in the label form or the older action rows).
/// </summary>
internal static class ModalRenderer
{
    public const int ModalCallback = 9;
    private const int TitleLimit = 45;
    private const int LabelLimit = 45;
    private const int PlaceholderLimit = 100;
    private const int ValueLimit = 4000;
    private const int TextDisplay = 10;
    private const int Label = 18;
    private const int ActionRow = 1;
    private const int TextInput = 4;

    public static JsonObject Render(ChatForm form)
    {
        var components = new JsonArray { new JsonObject { ["type"] = TextDisplay, ["content"] = TextCut.ToLength(form.Intro, ValueLimit) } };
        foreach (var field in form.Fields.Take(5))
        {
            var input = new JsonObject
            {
                ["type"] = TextInput,
                ["custom_id"] = field.Id,
                ["style"] = field.Multiline ? 2 : 1,
                ["required"] = field.Required,
                ["max_length"] = Math.Min(field.MaxLength, ValueLimit),
            };
            if (field.Value is { Length: > 0 } value) input["value"] = TextCut.ToLength(value, Math.Min(field.MaxLength, ValueLimit));
            if (field.Placeholder is { Length: > 0 } hint) input["placeholder"] = TextCut.ToLength(hint, PlaceholderLimit);
            components.Add(new JsonObject { ["type"] = Label, ["label"] = TextCut.ToLength(field.Label, LabelLimit), ["component"] = input });
        }
        return new JsonObject { ["custom_id"] = form.Id, ["title"] = TextCut.ToLength(form.Title, TitleLimit), ["components"] = components };
    }

    /// <summary>custom_id → value of every text input in a MODAL_SUBMIT's <c>data</c>; anything else is ignored.</summary>
    public static Dictionary<string, string> Values(JsonElement data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("components", out var rows) || rows.ValueKind != JsonValueKind.Array)
            return values;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object) continue;
            if (row.TryGetProperty("component", out var single)) Read(single, values);
            if (row.TryGetProperty("components", out var inner) && inner.ValueKind == JsonValueKind.Array)
                foreach (var input in inner.EnumerateArray()) Read(input, values);
        }
        return values;
    }

    private static void Read(JsonElement input, Dictionary<string, string> values)
    {
        if (input.ValueKind == JsonValueKind.Object
            && input.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() == TextInput
            && input.TryGetProperty("custom_id", out var id) && id.ValueKind == JsonValueKind.String
            && input.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            values[id.GetString()!] = value.GetString()!;
    }
}
