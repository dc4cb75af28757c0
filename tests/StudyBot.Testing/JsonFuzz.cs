using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace StudyBot.Testing;

/// <summary>
/// FsCheck generators of frames a peer could send by mistake: a valid payload with one field removed
/// or given a value of the wrong type, a payload cut short, or arbitrary text.
/// </summary>
public static class JsonFuzz
{
    private static readonly JsonNode?[] OddValues =
        [null, 0, -1, 1e300, long.MaxValue, "", "x", "🙂한글", true, new JsonArray(), new JsonObject(), new string('z', 5000)];

    public static Gen<string> Frames(params JsonNode[] valid) =>
        Gen.OneOf(
            Gen.Elements(valid).SelectMany(v => Gen.Choose(0, int.MaxValue).Select(seed => Mutate(v, new Random(seed)))),
            Gen.Elements(valid).SelectMany(v => Gen.Choose(0, 200).Select(cut => Truncate(v.ToJsonString(), cut))),
            ArbMap.Default.GeneratorFor<string>().Select(text => text ?? ""));

    /// <summary>Removes one field or array item, or replaces its value with an odd one.</summary>
    public static string Mutate(JsonNode valid, Random random)
    {
        var copy = JsonNode.Parse(valid.ToJsonString())!;
        var slots = Slots(copy).ToList();
        if (slots.Count == 0) return copy.ToJsonString();
        var (parent, key, index) = slots[random.Next(slots.Count)];
        var replacement = OddValues[random.Next(OddValues.Length)]?.DeepClone();
        var remove = random.Next(3) == 0;
        if (parent is JsonObject obj)
        {
            if (remove) obj.Remove(key!);
            else obj[key!] = replacement;
        }
        else if (parent is JsonArray array)
        {
            if (remove) array.RemoveAt(index);
            else array[index] = replacement;
        }
        return copy.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Truncate(string text, int cut) => cut < text.Length ? text[..cut] : text;

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key, -1);
                    if (child is not null) foreach (var slot in Slots(child)) yield return slot;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i);
                    if (array[i] is { } child) foreach (var slot in Slots(child)) yield return slot;
                }
                break;
        }
    }
}
