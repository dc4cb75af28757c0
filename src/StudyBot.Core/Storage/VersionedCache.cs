using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace StudyBot.Core.Storage;

/// <summary>
/// Reads kept with the version of the data they were read at, served only while the store still
/// reports that version. The store supplies the version: SQLite counts its own closes (one process owns
/// the file); PostgreSQL reads counters that every node's close bumps, so another node's close shows.
/// Take the version before the read: a value read while a change lands is then newer than its version,
/// never older, and the next version drops it.
/// </summary>
public sealed class VersionedCache<TKey, TValue>(int capacity = 10_000) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (long Version, TValue Value)> _kept = new();

    public bool TryFind(TKey key, long version, [MaybeNullWhen(false)] out TValue value)
    {
        if (_kept.TryGetValue(key, out var kept) && kept.Version == version)
        {
            value = kept.Value;
            return true;
        }
        value = default;
        return false;
    }

    public void Keep(TKey key, long version, TValue value)
    {
        // Keys are boards, members or packs of a live server: rare enough that starting over beats tracking use.
        if (_kept.Count >= capacity) _kept.Clear();
        _kept[key] = (version, value);
    }

    /// <summary>The value kept at <paramref name="version"/>, or <paramref name="read"/>'s, kept at it.</summary>
    public async Task<TValue> GetAsync(TKey key, long version, Func<Task<TValue>> read)
    {
        if (TryFind(key, version, out var kept)) return kept;
        var value = await read();
        Keep(key, version, value);
        return value;
    }
}
