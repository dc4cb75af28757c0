using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>Boards and stats. Every query counts only answers to closed posts, so nothing leaks before the reveal.</summary>
public sealed class SqliteStatsQueries(SqliteDatabase database) : IStatsQueries
{
    public async Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(long channelId, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        if (from is null && to is null) return await ReadBoardAsync(channelId, from, to, limit, cancellationToken);
        // A dated board sums every answer in its range: read it once per change, not per request.
        var key = new BoardKey(channelId, Time.ToMs(from ?? DateTimeOffset.MinValue), Time.ToMs(to ?? DateTimeOffset.MaxValue), limit);
        return await database.Boards.GetAsync(key, database.Versions.Channel(channelId), () => ReadBoardAsync(channelId, from, to, limit, cancellationToken));
    }

    private async Task<IReadOnlyList<LeaderboardRow>> ReadBoardAsync(long channelId, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<BoardRow>(new CommandDefinition(
            from is null && to is null ? AllTimeBoard : RangeBoard,
            new
            {
                channelId,
                from = from is { } f ? Time.ToMs(f) : long.MinValue,
                to = to is { } t ? Time.ToMs(t) : long.MaxValue,
                limit,
            },
            cancellationToken: cancellationToken));
        return rows.Select(r => new LeaderboardRow(r.UserId, r.DisplayName, (int)r.Points, (int)r.Correct, (int)r.Answered)).ToList();
    }

    internal readonly record struct BoardKey(long ChannelId, long From, long To, int Limit);

    /// <summary>All time: the totals kept at close, so a big server's board reads one row per member, not every answer.</summary>
    private const string AllTimeBoard = """
        SELECT t.user_id AS UserId, u.display_name AS DisplayName, t.points AS Points, t.correct AS Correct, t.answered AS Answered
        FROM board_totals t JOIN users u ON u.id = t.user_id
        WHERE t.channel_id = @channelId
        ORDER BY Points DESC, Correct DESC, DisplayName COLLATE NOCASE, UserId
        LIMIT @limit
        """;

    /// <summary>
    /// A week: the covering index answers_board holds every column summed. "Closed" is checked against
    /// the few open posts (a list built once) rather than by a join per answer.
    /// </summary>
    private const string RangeBoard = """
        SELECT b.user_id AS UserId, u.display_name AS DisplayName, b.Points, b.Correct, b.Answered
        FROM (
            SELECT a.user_id, SUM(a.points) AS Points, SUM(a.is_correct) AS Correct, COUNT(*) AS Answered
            FROM answers a INDEXED BY answers_board
            WHERE a.channel_id = @channelId AND a.answered_at >= @from AND a.answered_at < @to
              AND a.post_id NOT IN (SELECT id FROM posts WHERE closed_at IS NULL)
            GROUP BY a.user_id
        ) b
        JOIN users u ON u.id = b.user_id
        ORDER BY b.Points DESC, b.Correct DESC, DisplayName COLLATE NOCASE, UserId
        LIMIT @limit
        """;

    public async Task<UserStats> UserStatsAsync(long channelId, long userId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var totals = await connection.QuerySingleAsync<(long Answered, long Correct, long Points, long Best)>(new CommandDefinition(
            """
            SELECT COUNT(*), COALESCE(SUM(a.is_correct), 0), COALESCE(SUM(a.points), 0), COALESCE(MAX(a.streak), 0)
            FROM answers a JOIN posts p ON p.id = a.post_id AND p.closed_at IS NOT NULL
            WHERE a.channel_id = @channelId AND a.user_id = @userId
            """,
            new { channelId, userId }, cancellationToken: cancellationToken));
        // The current streak lives on the user's answer to the channel's latest closed post; no answer there means 0.
        var current = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COALESCE((
                SELECT a.streak FROM answers a
                WHERE a.user_id = @userId
                  AND a.post_id = (SELECT id FROM posts WHERE channel_id = @channelId AND closed_at IS NOT NULL ORDER BY id DESC LIMIT 1)
            ), 0)
            """,
            new { channelId, userId }, cancellationToken: cancellationToken));
        var topics = await TopicAccuracyAsync(userId, cancellationToken);
        return new UserStats((int)totals.Answered, (int)totals.Correct, (int)totals.Points, (int)current, (int)totals.Best, topics);
    }

    public async Task<IReadOnlyList<TopicAccuracy>> TopicAccuracyAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<TopicRow>(new CommandDefinition(
            """
            SELECT topic_id AS TopicId, COUNT(*) AS Answered, SUM(is_correct) AS Correct FROM (
                SELECT a.topic_id, a.is_correct FROM answers a JOIN posts p ON p.id = a.post_id AND p.closed_at IS NOT NULL
                WHERE a.user_id = @userId
                UNION ALL
                SELECT topic_id, is_correct FROM practice_answers WHERE user_id = @userId
            ) GROUP BY topic_id ORDER BY topic_id
            """,
            new { userId }, cancellationToken: cancellationToken));
        return rows.Select(r => new TopicAccuracy(r.TopicId, (int)r.Answered, (int)r.Correct)).ToList();
    }

    // Settable properties, not constructors: Dapper matches a constructor by the exact column types,
    // and SQLite reports aggregate columns of an empty result as BLOB.
    private sealed class BoardRow
    {
        public long UserId { get; init; }
        public string DisplayName { get; init; } = "";
        public long Points { get; init; }
        public long Correct { get; init; }
        public long Answered { get; init; }
    }

    private sealed class TopicRow
    {
        public string TopicId { get; init; } = "";
        public long Answered { get; init; }
        public long Correct { get; init; }
    }
}
