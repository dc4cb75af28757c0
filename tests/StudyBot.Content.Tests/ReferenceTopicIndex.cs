using System.Globalization;
using System.Text;

using StudyBot.Core.Content;

namespace StudyBot.Content.Tests;

/// <summary>
/// TopicIndex as first written (LINQ over every name, folding names per query): the behaviour the
/// faster index must keep, kept here only to compare against.
/// </summary>
internal sealed class ReferenceTopicIndex
{
    private const int Exact = 100, Prefix = 80, WordPrefix = 70, Contains = 60, Fuzzy = 30;

    /// <summary>A match on a topic's own title beats the same kind of match on another topic's alias.</summary>
    private const int TitleBonus = 5;

    /// <summary>No name is this long; capping the query keeps fuzzy matching cheap on a pasted wall of text.</summary>
    private const int MaxQueryLength = 100;
    private readonly (Topic Topic, string Name, string Key, bool IsTitle)[] _entries;

    public ReferenceTopicIndex(IEnumerable<Topic> topics)
    {
        _entries = topics
            .SelectMany(t => t.Names().Select(name => (Topic: t, Name: name, Key: Normalize(name), IsTitle: t.Title.All().Contains(name))))
            .Where(e => e.Key.Length > 0)
            .ToArray();
    }

    /// <summary>Folds a name or query to its comparison key: NFKC, lower case, letters and digits only.</summary>
    public static string Normalize(string text)
    {
        if (text.Length > MaxQueryLength * 4) text = text[..(MaxQueryLength * 4)];
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var key = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            var category = char.GetUnicodeCategory(ch);
            if (char.IsLetterOrDigit(ch) || category == UnicodeCategory.OtherLetter)
                key.Append(ch);
        }
        return key.ToString();
    }

    /// <summary>Topics matching the query, best first, one entry per topic.</summary>
    public IReadOnlyList<TopicMatch> Search(string query, int limit = 5)
    {
        var key = Normalize(query);
        if (key.Length == 0) return [];
        var words = query.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Normalize).Where(w => w.Length > 0).ToArray();

        return _entries
            .Select(e => (e.IsTitle, Match: new TopicMatch(e.Topic, e.Name, Score(e.Key, e.Name, key, words))))
            .Where(m => m.Match.Score > 0)
            .Select(m => m.IsTitle ? m.Match with { Score = m.Match.Score + TitleBonus } : m.Match)
            .GroupBy(m => m.Topic.Id)
            .Select(g => g.OrderByDescending(m => m.Score).ThenBy(m => m.MatchedName.Length).First())
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.MatchedName.Length)
            .ThenBy(m => m.Topic.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>Close names for a query that found nothing: the nearest by edit distance.</summary>
    public IReadOnlyList<TopicMatch> Suggest(string query, int limit = 3)
    {
        var key = Normalize(query);
        if (key.Length == 0) return [];
        return _entries
            .Select(e => (Entry: e, Distance: EditDistance(key, e.Key.Length > key.Length + 3 ? e.Key[..(key.Length + 3)] : e.Key)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Entry.Name.Length)
            .GroupBy(x => x.Entry.Topic.Id)
            .Select(g => g.First())
            .Take(limit)
            .Select(x => new TopicMatch(x.Entry.Topic, x.Entry.Name, 0))
            .ToList();
    }

    private static int Score(string nameKey, string name, string key, string[] words)
    {
        if (nameKey == key) return Exact;
        if (nameKey.StartsWith(key, StringComparison.Ordinal)) return Prefix;
        if (words.Length > 0 && NameWords(name).Any(w => w.StartsWith(key, StringComparison.Ordinal))) return WordPrefix;
        if (nameKey.Contains(key, StringComparison.Ordinal)) return Contains;
        if (words.Length > 1 && words.All(w => nameKey.Contains(w, StringComparison.Ordinal))) return Contains - 5;
        if (key.Length >= 4 && EditDistance(key, nameKey) <= key.Length / 4) return Fuzzy;
        return 0;
    }

    private static IEnumerable<string> NameWords(string name) =>
        name.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Split([' ', '-', '/', '(', ')', '&', ':', ',', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize);

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
