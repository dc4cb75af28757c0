using System.Collections.Concurrent;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// SQLite's version source for the kept reads (<see cref="Core.Storage.VersionedCache{TKey, TValue}"/>):
/// one process owns the file, so counting its own closes and renames is enough. A channel's boards and
/// pages change only when a post of the channel closes or a display name changes; item analysis when
/// any post closes.
/// </summary>
internal sealed class LocalVersions
{
    private readonly ConcurrentDictionary<long, long> _channelCloses = new();
    private long _names;
    private long _closedPosts;

    /// <summary>The version of the channel's boards and pages: its closes plus every rename.</summary>
    public long Channel(long channelId) => Interlocked.Read(ref _names) + _channelCloses.GetValueOrDefault(channelId);

    /// <summary>Posts closed in any channel so far: item analysis reads every channel's answers.</summary>
    public long ClosedPosts => Interlocked.Read(ref _closedPosts);

    /// <summary>A post of the channel closed: its answers now count.</summary>
    public void ChannelChanged(long channelId)
    {
        _channelCloses.AddOrUpdate(channelId, 1, (_, v) => v + 1);
        Interlocked.Increment(ref _closedPosts);
    }

    /// <summary>A display name may have changed: boards everywhere may show it.</summary>
    public void NamesChanged() => Interlocked.Increment(ref _names);
}
