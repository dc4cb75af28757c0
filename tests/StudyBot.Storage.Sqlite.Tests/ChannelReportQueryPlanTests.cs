using Dapper;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>
/// The channel page reads every answer of a channel: they must be reached from the channel's posts
/// (the posts' unique key on channel and date) through the answers' primary key, never by scanning
/// the answers table, which holds every channel's answers.
/// </summary>
public sealed class ChannelReportQueryPlanTests : IDisposable
{
    private readonly SqliteStorage _storage = new();

    public void Dispose() => _storage.Dispose();

    [Theory]
    [InlineData(SqliteChannelReportQueries.DailyActivitySql)]
    [InlineData(SqliteChannelReportQueries.TopicAccuracySql)]
    [InlineData(SqliteChannelReportQueries.StreakLeadersSql)]
    public void A_channels_answers_are_read_from_its_posts_through_the_answers_primary_key(string sql)
    {
        var plan = Plan(sql);

        Assert.Contains(plan, step => step.StartsWith("SEARCH p USING INDEX sqlite_autoindex_posts_1 (channel_id=?", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("SEARCH a USING PRIMARY KEY (post_id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN a", StringComparison.Ordinal) || step.StartsWith("SCAN p", StringComparison.Ordinal));
    }

    [Fact]
    public void The_weeks_answer_count_reads_the_weekly_boards_index()
    {
        var plan = Plan(SqliteChannelReportQueries.AnswerCountSql);

        Assert.Contains(plan, step => step.StartsWith("SEARCH a USING COVERING INDEX answers_board (channel_id=? AND answered_at>? AND answered_at<?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN a", StringComparison.Ordinal));
    }

    private List<string> Plan(string sql)
    {
        using var connection = _storage.Database.Open();
        // ANALYZE-free plan on an empty file is the worst case: SQLite guesses the table sizes.
        return connection.Query<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql, new { channelId = 1, first = "2026-01-01", last = "2026-03-31", latest = 1, limit = 10, from = 0L, to = 1L })
            .Select(r => r.Detail).ToList();
    }
}
