using System.Collections.Concurrent;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// Rows read on every click (the open post, its channel), kept in memory by id so an answer burst
/// does not read them 10,000 times. The store that owns the rows drops an entry whenever it changes
/// that row; a read racing a change is not cached (the version check), so an entry is never older
/// than the last change. The bot is the only writer of its file, which is what makes this safe;
/// the answer itself is still checked against the database when it is recorded.
/// </summary>
internal sealed class RecentRows<T>(int capacity = 50_000) where T : class
{
    private readonly ConcurrentDictionary<long, T> _rows = new();
    private long _version;

    public async Task<T?> GetAsync(long id, Func<Task<T?>> read, Func<T, bool> keep)
    {
        if (_rows.TryGetValue(id, out var cached)) return cached;
        var version = Interlocked.Read(ref _version);
        var row = await read();
        if (row is not null && keep(row) && Interlocked.Read(ref _version) == version)
        {
            if (_rows.Count >= capacity) _rows.Clear();
            _rows[id] = row;
        }
        return row;
    }

    public void Forget(long id)
    {
        Interlocked.Increment(ref _version);
        _rows.TryRemove(id, out _);
    }
}
