using Dapper;
using Npgsql;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// Boards and stats. Every query counts only answers to closed posts, so nothing leaks before the
/// reveal. What only a close (or a rename) changes is kept in memory at its version read from the
/// database (<see cref="ReadVersions"/>), so a post closed or a member renamed on another node shows on
/// the next read here; a kept read costs one round trip, the probe. Practice answers change at any
/// time and are read every time (a few rows per member). Ties sort by name folded in ASCII only and
/// compared by code point, as SQLite's NOCASE does.
/// </summary>
public sealed class PostgresStatsQueries(PostgresDatabase database) : IStatsQueries
{
    public async Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(long channelId, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var versions = await connection.QuerySingleAsync<ReadVersions.ChannelRow>(new CommandDefinition(ReadVersions.Channel, new { channelId }, cancellationToken: cancellationToken));
        var range = (From: from is { } f ? Time.ToMs(f) : long.MinValue, To: to is { } t ? Time.ToMs(t) : long.MaxValue);
        return await database.Boards.GetAsync((channelId, range.From, range.To, limit), versions.Board, async () =>
        {
            var rows = await connection.QueryAsync<BoardRow>(new CommandDefinition(
                from is null && to is null ? AllTimeBoard : RangeBoard, new { channelId, from = range.From, to = range.To, limit }, cancellationToken: cancellationToken));
            return (IReadOnlyList<LeaderboardRow>)rows.Select(r => new LeaderboardRow(r.UserId, r.DisplayName, (int)r.Points, (int)r.Correct, (int)r.Answered)).ToList();
        });
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
        ReadVersions.ChannelRow versions;
        List<TopicRow> practice;
        // One round trip when the rest is kept: the versions and the member's practice, which no close versions.
        await using (var probe = await connection.QueryMultipleAsync(new CommandDefinition(
            ReadVersions.Channel + ";\n" + PracticeTopics, new { channelId, userId }, cancellationToken: cancellationToken)))
        {
            versions = await probe.ReadSingleAsync<ReadVersions.ChannelRow>();
            practice = (await probe.ReadAsync<TopicRow>()).AsList();
        }
        // A member's totals and streak in a channel change only when a post of that channel closes.
        var totals = await database.MemberTotals.GetAsync((channelId, userId), versions.ChannelCloses, () =>
            connection.QuerySingleAsync<MemberTotals>(new CommandDefinition(Totals, new { channelId, userId }, cancellationToken: cancellationToken)));
        var topics = await TopicsAsync(connection, userId, versions.Closes, practice, cancellationToken);
        return new UserStats((int)totals.Answered, (int)totals.Correct, (int)totals.Points, totals.Current, totals.Best, topics);
    }

    /// <summary>The current streak lives on the user's answer to the channel's latest closed post; no answer there means 0.</summary>
    private const string Totals = """
        SELECT COUNT(*) AS Answered, COUNT(*) FILTER (WHERE a.is_correct) AS Correct, COALESCE(SUM(a.points), 0) AS Points,
               COALESCE(MAX(a.streak), 0) AS Best,
               COALESCE((
                   SELECT l.streak FROM answers l
                   WHERE l.user_id = @userId
                     AND l.post_id = (SELECT id FROM posts WHERE channel_id = @channelId AND closed_at IS NOT NULL ORDER BY id DESC LIMIT 1)
               ), 0) AS Current
        FROM answers a JOIN posts p ON p.id = a.post_id AND p.closed_at IS NOT NULL
        WHERE a.channel_id = @channelId AND a.user_id = @userId
        """;

    public async Task<IReadOnlyList<TopicAccuracy>> TopicAccuracyAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        long closes;
        List<TopicRow> practice;
        await using (var probe = await connection.QueryMultipleAsync(new CommandDefinition(
            ReadVersions.Closes + ";\n" + PracticeTopics, new { userId }, cancellationToken: cancellationToken)))
        {
            closes = await probe.ReadSingleAsync<long>();
            practice = (await probe.ReadAsync<TopicRow>()).AsList();
        }
        return await TopicsAsync(connection, userId, closes, practice, cancellationToken);
    }

    /// <summary>The daily answers per topic (kept until a post closes anywhere) with the practice just read, by topic id in ordinal order.</summary>
    private async Task<IReadOnlyList<TopicAccuracy>> TopicsAsync(NpgsqlConnection connection, long userId, long closes, List<TopicRow> practice,
        CancellationToken cancellationToken)
    {
        var daily = await database.DailyTopics.GetAsync(userId, closes, async () =>
            (IReadOnlyList<TopicAccuracy>)(await connection.QueryAsync<TopicRow>(new CommandDefinition(DailyTopics, new { userId }, cancellationToken: cancellationToken)))
                .Select(r => r.ToAccuracy()).ToList());
        return daily.Concat(practice.Select(r => r.ToAccuracy()))
            .GroupBy(t => t.TopicId, StringComparer.Ordinal)
            .Select(g => new TopicAccuracy(g.Key, g.Sum(t => t.Answered), g.Sum(t => t.Correct)))
            .OrderBy(t => t.TopicId, StringComparer.Ordinal)
            .ToList();
    }

    private const string DailyTopics = """
        SELECT a.topic_id AS TopicId, COUNT(*) AS Answered, COUNT(*) FILTER (WHERE a.is_correct) AS Correct
        FROM answers a JOIN posts p ON p.id = a.post_id AND p.closed_at IS NOT NULL
        WHERE a.user_id = @userId
        GROUP BY a.topic_id
        """;

    private const string PracticeTopics = """
        SELECT topic_id AS TopicId, COUNT(*) AS Answered, COUNT(*) FILTER (WHERE is_correct) AS Correct
        FROM practice_answers WHERE user_id = @userId
        GROUP BY topic_id
        """;

    private sealed class BoardRow
    {
        public long UserId { get; init; }
        public string DisplayName { get; init; } = "";
        public long Points { get; init; }
        public long Correct { get; init; }
        public long Answered { get; init; }
    }

    internal sealed class MemberTotals
    {
        public long Answered { get; init; }
        public long Correct { get; init; }
        public long Points { get; init; }
        public int Best { get; init; }
        public int Current { get; init; }
    }

    private sealed class TopicRow
    {
        public string TopicId { get; init; } = "";
        public long Answered { get; init; }
        public long Correct { get; init; }

        public TopicAccuracy ToAccuracy() => new(TopicId, (int)Answered, (int)Correct);
    }
}
