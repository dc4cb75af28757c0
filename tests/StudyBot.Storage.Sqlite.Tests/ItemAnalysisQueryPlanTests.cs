using Dapper;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>
/// The questions page reads a million answers: a pack's answers must be reached from its posts through
/// the answers' primary key, never by scanning the whole answers table.
/// </summary>
public sealed class ItemAnalysisQueryPlanTests : IDisposable
{
    private readonly SqliteStorage _storage = new();

    public void Dispose() => _storage.Dispose();

    [Theory]
    [InlineData(SqliteItemAnalysisQueries.MemberTallies)]
    [InlineData(SqliteItemAnalysisQueries.ChoiceTallies)]
    public void A_packs_answers_are_read_through_the_answers_primary_key(string sql)
    {
        var plan = Plan(sql);

        Assert.Contains(plan, step => step.Contains("SEARCH a USING PRIMARY KEY (post_id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN a", StringComparison.Ordinal));
    }

    private List<string> Plan(string sql)
    {
        using var connection = _storage.Database.Open();
        // ANALYZE-free plan on an empty file is the worst case: SQLite guesses the table sizes.
        return connection.Query<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql, new { packId = "aws-saa", top = "[1]", bottom = "[2]" }).Select(r => r.Detail).ToList();
    }
}
