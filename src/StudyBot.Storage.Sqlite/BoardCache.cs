using System.Collections.Concurrent;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// Weekly (and other dated) boards as last read. A board only changes when a post of its channel
/// closes or a member's display name changes, and a big server's week sums thousands of answers, so
/// a board is read from SQLite once per change rather than once per <c>/leaderboard</c>. Entries carry
/// the version they were read at: a read racing a change is simply never served.
/// </summary>
internal sealed class BoardCache
{
    private const int MaxBoards = 10_000;

    private readonly ConcurrentDictionary<BoardKey, (long Version, IReadOnlyList<LeaderboardRow> Rows)> _boards = new();
    private readonly ConcurrentDictionary<long, long> _channelVersions = new();
    private long _namesVersion;

    public long Version(long channelId) => Interlocked.Read(ref _namesVersion) + _channelVersions.GetValueOrDefault(channelId);

    public IReadOnlyList<LeaderboardRow>? Find(BoardKey key) =>
        _boards.TryGetValue(key, out var board) && board.Version == Version(key.ChannelId) ? board.Rows : null;

    public void Keep(BoardKey key, long readAtVersion, IReadOnlyList<LeaderboardRow> rows)
    {
        if (_boards.Count >= MaxBoards) _boards.Clear();
        _boards[key] = (readAtVersion, rows);
    }

    /// <summary>Posts closed in any channel so far: item analysis reads every channel's answers.</summary>
    public long ClosedPosts => Interlocked.Read(ref _closedPosts);

    private long _closedPosts;

    /// <summary>A post of the channel closed: its answers now count.</summary>
    public void ChannelChanged(long channelId)
    {
        _channelVersions.AddOrUpdate(channelId, 1, (_, v) => v + 1);
        Interlocked.Increment(ref _closedPosts);
    }

    /// <summary>A display name may have changed: boards everywhere may show it.</summary>
    public void NamesChanged() => Interlocked.Increment(ref _namesVersion);
}

internal readonly record struct BoardKey(long ChannelId, long From, long To, int Limit);
