using System.Collections.Concurrent;

namespace StudyBot.Adapters.Common;

/// <summary>
/// A thread-safe map that forgets its oldest entries beyond a capacity: DM channel ids per user, which a
/// reminder round for 100,000 members would otherwise grow without end. Losing an entry only costs one
/// more lookup at the platform.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();
    private readonly ConcurrentQueue<TKey> _order = new();

    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Adds or replaces an entry; true when the key was new.</summary>
    public bool Set(TKey key, TValue value)
    {
        var added = false;
        _entries.AddOrUpdate(key, _ => { added = true; return value; }, (_, _) => value);
        if (!added) return false;
        _order.Enqueue(key);
        while (_entries.Count > capacity && _order.TryDequeue(out var oldest)) _entries.TryRemove(oldest, out _);
        return true;
    }
}
