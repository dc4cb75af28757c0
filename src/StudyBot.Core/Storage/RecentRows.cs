using System.Collections.Concurrent;

namespace StudyBot.Core.Storage;

/// <summary>
/// Rows read on every click (the open post, its channel), kept in memory by id so an answer burst
/// does not read them 10,000 times. The store that owns the rows drops an entry whenever it changes
/// that row; a read racing a change is not cached (the version check), so an entry is never older
/// than this store's last change. Where another process may change the rows too (other nodes on one
/// PostgreSQL database), give a <c>maxAge</c>: an entry is read again once it is that old, so their
/// changes show within it. Either way the answer itself is checked against the database when it is
/// recorded, so a cached open post never lets an answer into a closed one.
/// </summary>
public sealed class RecentRows<T> where T : class
{
    private readonly ConcurrentDictionary<long, Entry> _rows = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan? _maxAge;
    private readonly int _capacity;
    private long _version;

    /// <summary>Entries kept until this store changes them (the only writer of its rows).</summary>
    public RecentRows(int capacity = 50_000) : this(null, TimeProvider.System, capacity)
    {
    }

    /// <summary>Entries kept until this store changes them or they are <paramref name="maxAge"/> old.</summary>
    public RecentRows(TimeSpan? maxAge, TimeProvider clock, int capacity = 50_000)
    {
        _maxAge = maxAge;
        _clock = clock;
        _capacity = capacity;
    }

    public async Task<T?> GetAsync(long id, Func<Task<T?>> read, Func<T, bool> keep)
    {
        if (_rows.TryGetValue(id, out var cached) && Fresh(cached)) return cached.Row;
        var version = Interlocked.Read(ref _version);
        // Aged from before the read: the row can be no older than that.
        var readAt = _clock.GetTimestamp();
        var row = await read();
        if (row is not null && keep(row) && Interlocked.Read(ref _version) == version)
        {
            if (_rows.Count >= _capacity) _rows.Clear();
            _rows[id] = new Entry(row, readAt);
        }
        return row;
    }

    public void Forget(long id)
    {
        Interlocked.Increment(ref _version);
        _rows.TryRemove(id, out _);
    }

    private bool Fresh(Entry entry) => _maxAge is not { } maxAge || _clock.GetElapsedTime(entry.ReadAt) < maxAge;

    private sealed record Entry(T Row, long ReadAt);
}
