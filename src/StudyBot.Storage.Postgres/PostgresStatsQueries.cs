using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// Boards and stats. Every query counts only answers to closed posts, so nothing leaks before the
/// reveal. No board is kept in memory (SQLite's store keeps dated boards until a local close): in a
/// cluster another node closes posts and renames members, and this node would not hear of it. Ties
/// sort by name folded in ASCII only and compared by code point, as SQLite's NOCASE does.
/// </summary>
public sealed class PostgresStatsQueries(PostgresDatabase database) : IStatsQueries
{
    public async Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(long channelId, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
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

    /// <summary>All time: the totals kept at close, so a big server's board reads one row per member, not every answer.</summary>
    private const string AllTimeBoard = """
        SELECT t.user_id AS UserId, u.display_name AS DisplayName, t.points AS Points, t.correct AS Correct, t.answered AS Answered
        FROM board_totals t JOIN users u ON u.id = t.user_id
        WHERE t.channel_id = @channelId
        ORDER BY t.points DESC, t.correct DESC, lower(u.display_name COLLATE "C") COLLATE "C", t.user_id
        LIMIT @limit
        """;

    /// <summary>A week: answers_board holds every column summed; "closed" is checked against the few open posts.</summary>
    private const string RangeBoard = """
        SELECT b.user_id AS UserId, u.display_name AS DisplayName, b.points AS Points, b.correct AS Correct, b.answered AS Answered
        FROM (
            SELECT a.user_id, SUM(a.points) AS points, COUNT(*) FILTER (WHERE a.is_correct) AS correct, COUNT(*) AS answered
            FROM answers a
            WHERE a.channel_id = @channelId AND a.answered_at >= @from AND a.answered_at < @to
              AND a.post_id NOT IN (SELECT id FROM posts WHERE closed_at IS NULL)
            GROUP BY a.user_id
        ) b
        JOIN users u ON u.id = b.user_id
        ORDER BY b.points DESC, b.correct DESC, lower(u.display_name COLLATE "C") COLLATE "C", b.user_id
        LIMIT @limit
        """;

    public async Task<UserStats> UserStatsAsync(long channelId, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var totals = await connection.QuerySingleAsync<Totals>(new CommandDefinition(
            """
            SELECT COUNT(*) AS Answered, COUNT(*) FILTER (WHERE a.is_correct) AS Correct, COALESCE(SUM(a.points), 0) AS Points,
                   COALESCE(MAX(a.streak), 0) AS Best
            FROM answers a JOIN posts p ON p.id = a.post_id AND p.closed_at IS NOT NULL
            WHERE a.channel_id = @channelId AND a.user_id = @userId
            """,
            new { channelId, userId }, cancellationToken: cancellationToken));
        // The current streak lives on the user's answer to the channel's latest closed post; no answer there means 0.
        var current = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COALESCE((
                SELECT a.streak FROM answers a
                WHERE a.user_id = @userId
                  AND a.post_id = (SELECT id FROM posts WHERE channel_id = @channelId AND closed_at IS NOT NULL ORDER BY id DESC LIMIT 1)
            ), 0)
            """,
            new { channelId, userId }, cancellationToken: cancellationToken));
        var topics = await TopicAccuracyAsync(userId, cancellationToken);
        return new UserStats((int)totals.Answered, (int)totals.Correct, (int)totals.Points, current, totals.Best, topics);
    }

    public async Task<IReadOnlyList<TopicAccuracy>> TopicAccuracyAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TopicRow>(new CommandDefinition(
            """
            SELECT topic_id AS TopicId, COUNT(*) AS Answered, COUNT(*) FILTER (WHERE is_correct) AS Correct FROM (
                SELECT a.topic_id, a.is_correct FROM answers a JOIN posts p ON p.id = a.post_id AND p.closed_at IS NOT NULL
                WHERE a.user_id = @userId
                UNION ALL
                SELECT topic_id, is_correct FROM practice_answers WHERE user_id = @userId
            ) answered GROUP BY topic_id ORDER BY topic_id COLLATE "C"
            """,
            new { userId }, cancellationToken: cancellationToken));
        return rows.Select(r => new TopicAccuracy(r.TopicId, (int)r.Answered, (int)r.Correct)).ToList();
    }

    private sealed class BoardRow
    {
        public long UserId { get; init; }
        public string DisplayName { get; init; } = "";
        public long Points { get; init; }
        public long Correct { get; init; }
        public long Answered { get; init; }
    }

    private sealed class Totals
    {
        public long Answered { get; init; }
        public long Correct { get; init; }
        public long Points { get; init; }
        public int Best { get; init; }
    }

    private sealed class TopicRow
    {
        public string TopicId { get; init; } = "";
        public long Answered { get; init; }
        public long Correct { get; init; }
    }
}
