using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace StudyBot.Core.Content;

/// <summary>
/// What a node loaded, for comparing nodes: each pack's id and a hash of its questions (ids, prompts, choices,
/// keys, explanations; not where the files are). <see cref="Packs"/> is the text stored and compared.
/// </summary>
public sealed record NodeContent(IReadOnlyDictionary<string, string> PackHashes)
{
    public string Packs => string.Join(',', PackHashes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}"));

    public static NodeContent Of(IEnumerable<ContentPack> packs) =>
        new(packs.ToDictionary(p => p.Id, Hash, StringComparer.Ordinal));

    public static NodeContent Parse(string packs) =>
        new(packs.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal));

    /// <summary>The pack ids loaded differently, or on one side only, ordered.</summary>
    public IReadOnlyList<string> DifferingPacks(NodeContent other) =>
        PackHashes.Keys.Union(other.PackHashes.Keys)
            .Where(id => PackHashes.GetValueOrDefault(id) != other.PackHashes.GetValueOrDefault(id))
            .Order(StringComparer.Ordinal).ToList();

    private static string Hash(ContentPack pack)
    {
        var questions = pack.Questions.OrderBy(q => q.Id, StringComparer.Ordinal)
            .Select(q => new { q.Id, q.TopicId, q.Kind, q.Prompt, q.Choices, Key = q.CorrectChoices.Order(), q.Explanation, q.Domain, q.Difficulty });
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(questions)));
        return Convert.ToHexString(bytes)[..16].ToLowerInvariant();
    }
}
