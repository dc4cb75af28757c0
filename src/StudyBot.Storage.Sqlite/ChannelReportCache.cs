using System.Collections.Concurrent;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// The channel page's reads as last made. Like a board, they change only when a post of the channel closes
/// or a display name changes (<see cref="BoardCache.Version"/>), yet the topic and streak reads sum every
/// answer the channel ever had: measured at 0.9-1.5 s a page for 500,000 answers in one channel. So each
/// is read from SQLite once per change. Entries carry the version they were read at; a read racing a
/// change is never served.
/// </summary>
internal sealed class ChannelReportCache(BoardCache changes)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string Report, long ChannelId, string Arguments), (long Version, object Value)> _kept = new();

    public async Task<T> GetAsync<T>(string report, long channelId, string arguments, Func<Task<T>> read) where T : notnull
    {
        var key = (report, channelId, arguments);
        var version = changes.Version(channelId);
        if (_kept.TryGetValue(key, out var kept) && kept.Version == version) return (T)kept.Value;
        var value = await read();
        if (_kept.Count >= MaxEntries) _kept.Clear();
        _kept[key] = (version, value);
        return value;
    }
}
