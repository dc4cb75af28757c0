using System.Globalization;
using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// The group pages' reads. A channel's answers are reached from its closed posts through the answers'
/// primary key (post_id, user_id): in a WITHOUT ROWID table that key holds every column, so no index
/// is added for these reads and the answer path keeps its write cost. CROSS JOIN pins that order, as in
/// <see cref="SqliteItemAnalysisQueries"/>. Reads are kept between changes (<see cref="SqliteDatabase.ChannelReportAsync"/>).
/// </summary>
public sealed class SqliteChannelReportQueries(SqliteDatabase database) : IChannelReportQueries
{
    public async Task<IReadOnlyList<ChannelSummary>> ChannelsAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var channels = await connection.QueryAsync<SqliteChannelStore.ChannelRow>(new CommandDefinition(
            $"SELECT {SqliteChannelStore.Columns} FROM channels ORDER BY id", cancellationToken: cancellationToken));
        // board_totals keeps one row per member and channel from the first closed post they answered.
        var members = (await connection.QueryAsync<(long ChannelId, long Members)>(new CommandDefinition(
            "SELECT channel_id, COUNT(*) FROM board_totals GROUP BY channel_id", cancellationToken: cancellationToken)))
            .ToDictionary(r => r.ChannelId, r => (int)r.Members);
        return channels.Select(c => new ChannelSummary(c.ToSettings(), members.GetValueOrDefault(c.Id))).ToList();
    }

    // Each read below is kept until a post of the channel closes or a name changes (SqliteDatabase.ChannelReportAsync).
    public Task<int> AnswerCountAsync(long channelId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        database.ChannelReportAsync("answers", channelId, FormattableString.Invariant($"{Time.ToMs(from)}-{Time.ToMs(to)}"), async () =>
        {
            await using var connection = database.Open();
            // The weekly board's index and its "closed" check, so the count matches the board's answers.
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                AnswerCountSql,
                new { channelId, from = Time.ToMs(from), to = Time.ToMs(to) }, cancellationToken: cancellationToken));
        });

    public Task<IReadOnlyList<DailyActivity>> DailyActivityAsync(long channelId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        database.ChannelReportAsync("days", channelId, $"{Date(first)}-{Date(last)}", async () =>
        {
            await using var connection = database.Open();
            var rows = await connection.QueryAsync<DayRow>(new CommandDefinition(
                DailyActivitySql,
                new { channelId, first = Date(first), last = Date(last) }, cancellationToken: cancellationToken));
            return (IReadOnlyList<DailyActivity>)rows
                .Select(r => new DailyActivity(DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), (int)r.Answered, (int)r.Correct)).ToList();
        });

    public Task<IReadOnlyList<TopicAccuracy>> TopicAccuracyAsync(long channelId, CancellationToken cancellationToken) =>
        database.ChannelReportAsync("topics", channelId, "", async () =>
        {
            await using var connection = database.Open();
            var rows = await connection.QueryAsync<TopicRow>(new CommandDefinition(TopicAccuracySql, new { channelId }, cancellationToken: cancellationToken));
            return (IReadOnlyList<TopicAccuracy>)rows.Select(r => new TopicAccuracy(r.TopicId, (int)r.Answered, (int)r.Correct)).ToList();
        });

    public Task<IReadOnlyList<StreakRow>> StreakLeadersAsync(long channelId, int limit, CancellationToken cancellationToken) =>
        database.ChannelReportAsync("streaks", channelId, limit.ToString(CultureInfo.InvariantCulture), async () =>
        {
            await using var connection = database.Open();
            // The current streak is the one on the latest closed post, as in SqliteStatsQueries.UserStatsAsync.
            var rows = await connection.QueryAsync<StreakDbRow>(new CommandDefinition(
                StreakLeadersSql,
                new { channelId, limit, latest = await LatestClosedPostAsync(connection, channelId, cancellationToken) },
                cancellationToken: cancellationToken));
            return (IReadOnlyList<StreakRow>)rows.Select(r => new StreakRow(r.UserId, r.DisplayName, (int)r.CurrentStreak, (int)r.BestStreak)).ToList();
        });

    internal const string AnswerCountSql = """
        SELECT COUNT(*) FROM answers a INDEXED BY answers_board
        WHERE a.channel_id = @channelId AND a.answered_at >= @from AND a.answered_at < @to
          AND a.post_id NOT IN (SELECT id FROM posts WHERE closed_at IS NULL)
        """;

    internal const string DailyActivitySql = """
        SELECT p.local_date AS Day, COUNT(*) AS Answered, SUM(a.is_correct) AS Correct
        FROM posts p CROSS JOIN answers a ON a.post_id = p.id
        WHERE p.channel_id = @channelId AND p.closed_at IS NOT NULL AND p.local_date BETWEEN @first AND @last
        GROUP BY p.local_date
        ORDER BY p.local_date
        """;

    internal const string TopicAccuracySql = """
        SELECT a.topic_id AS TopicId, COUNT(*) AS Answered, SUM(a.is_correct) AS Correct
        FROM posts p CROSS JOIN answers a ON a.post_id = p.id
        WHERE p.channel_id = @channelId AND p.closed_at IS NOT NULL
        GROUP BY a.topic_id
        ORDER BY a.topic_id
        """;

    internal const string StreakLeadersSql = """
        SELECT s.user_id AS UserId, u.display_name AS DisplayName, s.CurrentStreak, s.BestStreak
        FROM (
            SELECT a.user_id,
                   MAX(CASE WHEN a.post_id = @latest THEN a.streak ELSE 0 END) AS CurrentStreak,
                   MAX(a.streak) AS BestStreak
            FROM posts p CROSS JOIN answers a ON a.post_id = p.id
            WHERE p.channel_id = @channelId AND p.closed_at IS NOT NULL
            GROUP BY a.user_id
        ) s
        JOIN users u ON u.id = s.user_id
        ORDER BY s.CurrentStreak DESC, s.BestStreak DESC, DisplayName COLLATE NOCASE, UserId
        LIMIT @limit
        """;

    private static Task<long> LatestClosedPostAsync(Microsoft.Data.Sqlite.SqliteConnection connection, long channelId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE((SELECT id FROM posts WHERE channel_id = @channelId AND closed_at IS NOT NULL ORDER BY id DESC LIMIT 1), 0)",
            new { channelId }, cancellationToken: cancellationToken));

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Settable properties, not constructors: Dapper matches a constructor by the exact column types.
    private sealed class DayRow
    {
        public string Day { get; init; } = "";
        public long Answered { get; init; }
        public long Correct { get; init; }
    }

    private sealed class TopicRow
    {
        public string TopicId { get; init; } = "";
        public long Answered { get; init; }
        public long Correct { get; init; }
    }

    private sealed class StreakDbRow
    {
        public long UserId { get; init; }
        public string DisplayName { get; init; } = "";
        public long CurrentStreak { get; init; }
        public long BestStreak { get; init; }
    }
}
