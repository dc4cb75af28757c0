using System.Globalization;
using System.Text;

namespace StudyBot.Core.Content;

/// <summary>One hit of a topic lookup: higher scores are better matches.</summary>
public sealed record TopicMatch(Topic Topic, string MatchedName, int Score);

/// <summary>
/// Looks topics up by title or alias in either language, ignoring case, spacing, punctuation and
/// Unicode form (NFKC), so "EBS 볼륨", "ebs볼륨" and full-width "ＥＢＳ" all find the same topic.
/// </summary>
public sealed class TopicIndex
{
    private const int Exact = 100, Prefix = 80, WordPrefix = 70, Contains = 60, Fuzzy = 30;

    /// <summary>A match on a topic's own title beats the same kind of match on another topic's alias.</summary>
    private const int TitleBonus = 5;

    /// <summary>No name is this long; capping the query keeps fuzzy matching cheap on a pasted wall of text.</summary>
    private const int MaxQueryLength = 100;
    private readonly Entry[] _entries;
    private readonly int _topicCount;

    /// <summary>One name of one topic, folded once here so a lookup only compares strings.</summary>
    private sealed record Entry(Topic Topic, int TopicOrdinal, string Name, string Key, string[] Words, bool IsTitle);

    public TopicIndex(IEnumerable<Topic> topics)
    {
        var list = topics.ToList();
        _topicCount = list.Count;
        _entries = list
            .SelectMany((t, ordinal) => t.Names().Select(name => new Entry(t, ordinal, name, Normalize(name), NameWords(name), t.Title.All().Contains(name))))
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
    /// <remarks>
    /// Runs on every keystroke of autocomplete, so it is plain loops over precomputed keys: per topic
    /// the best name (highest score, then shortest, then first listed), then topics by score, name
    /// length and id.
    /// </remarks>
    public IReadOnlyList<TopicMatch> Search(string query, int limit = 5)
    {
        var key = Normalize(query);
        if (key.Length == 0) return [];
        var words = query.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Normalize).Where(w => w.Length > 0).ToArray();

        var best = new Entry?[_topicCount];
        var bestScore = new int[_topicCount];
        foreach (var entry in _entries)
        {
            var score = Score(entry, key, words);
            if (score == 0) continue;
            if (entry.IsTitle) score += TitleBonus;
            var current = best[entry.TopicOrdinal];
            if (current is null || score > bestScore[entry.TopicOrdinal]
                || (score == bestScore[entry.TopicOrdinal] && entry.Name.Length < current.Name.Length))
            {
                best[entry.TopicOrdinal] = entry;
                bestScore[entry.TopicOrdinal] = score;
            }
        }

        var matches = new List<TopicMatch>();
        for (var i = 0; i < _topicCount; i++)
        {
            if (best[i] is { } entry) matches.Add(new TopicMatch(entry.Topic, entry.Name, bestScore[i]));
        }
        matches.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score)
            : a.MatchedName.Length != b.MatchedName.Length ? a.MatchedName.Length.CompareTo(b.MatchedName.Length)
            : string.CompareOrdinal(a.Topic.Id, b.Topic.Id));
        return matches.Count > limit ? matches.GetRange(0, Math.Max(limit, 0)) : matches;
    }

    /// <summary>Close names for a query that found nothing: the nearest by edit distance.</summary>
    public IReadOnlyList<TopicMatch> Suggest(string query, int limit = 3)
    {
        var key = Normalize(query);
        if (key.Length == 0) return [];
        // Per topic its nearest name (then shortest, then first listed); topics in that same order.
        var best = new (int Distance, int Index)[_topicCount];
        Array.Fill(best, (int.MaxValue, -1));
        for (var index = 0; index < _entries.Length; index++)
        {
            var entry = _entries[index];
            var name = entry.Key.Length > key.Length + 3 ? entry.Key.AsSpan(0, key.Length + 3) : entry.Key.AsSpan();
            var distance = EditDistance(key, name);
            var current = best[entry.TopicOrdinal];
            if (distance < current.Distance
                || (distance == current.Distance && entry.Name.Length < _entries[current.Index].Name.Length))
                best[entry.TopicOrdinal] = (distance, index);
        }
        return best.Where(b => b.Index >= 0)
            .OrderBy(b => b.Distance).ThenBy(b => _entries[b.Index].Name.Length).ThenBy(b => b.Index)
            .Take(limit)
            .Select(b => new TopicMatch(_entries[b.Index].Topic, _entries[b.Index].Name, 0))
            .ToList();
    }

    private static int Score(Entry entry, string key, string[] words)
    {
        var nameKey = entry.Key;
        if (nameKey == key) return Exact;
        if (nameKey.StartsWith(key, StringComparison.Ordinal)) return Prefix;
        if (words.Length > 0 && AnyStartsWith(entry.Words, key)) return WordPrefix;
        if (nameKey.Contains(key, StringComparison.Ordinal)) return Contains;
        if (words.Length > 1 && AllContained(words, nameKey)) return Contains - 5;
        // Names whose lengths differ by more than the allowed edits cannot be that close: skip the distance.
        var allowed = key.Length / 4;
        if (key.Length >= 4 && Math.Abs(key.Length - nameKey.Length) <= allowed && EditDistance(key, nameKey) <= allowed) return Fuzzy;
        return 0;
    }

    // Loops rather than LINQ: these run for every name on every keystroke.
    private static bool AnyStartsWith(string[] words, string key)
    {
        foreach (var word in words)
        {
            if (word.StartsWith(key, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool AllContained(string[] words, string nameKey)
    {
        foreach (var word in words)
        {
            if (!nameKey.Contains(word, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static string[] NameWords(string name) =>
        name.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Split([' ', '-', '/', '(', ')', '&', ':', ',', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize)
            .ToArray();

    internal static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Two rows of the classic table; on the stack for names of ordinary length.
        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }
}
