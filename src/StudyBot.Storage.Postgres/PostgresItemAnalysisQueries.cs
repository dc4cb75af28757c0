using Dapper;
using Npgsql;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// Item analysis reads, aggregated in PostgreSQL (one row per member, one per question, choice set
/// and group), kept until a post closes on any node (<see cref="ItemTallyCache"/> at <see cref="ReadVersions.Closes"/>).
/// </summary>
public sealed class PostgresItemAnalysisQueries(PostgresDatabase database) : IItemAnalysisQueries
{
    /// <summary>The closes counted in the database, so a close on any node shows; the same number the tallies are kept by.</summary>
    public async ValueTask<long?> AnswersVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await VersionAsync(connection, cancellationToken);
    }

    public async Task<IReadOnlyList<MemberTally>> MemberTalliesAsync(string? packId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var version = await VersionAsync(connection, cancellationToken);
        if (database.ItemTallies.FindMembers(packId, version) is { } kept) return kept;
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(MemberTallies, new { packId }, cancellationToken: cancellationToken));
        var members = rows.Select(r => new MemberTally(r.UserId, (int)r.Answered, (int)r.Correct)).ToList();
        database.ItemTallies.KeepMembers(packId, version, members);
        return members;
    }

    public async Task<IReadOnlyList<ChoiceTally>> ChoiceTalliesAsync(string? packId, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var version = await VersionAsync(connection, cancellationToken);
        if (database.ItemTallies.FindChoices(packId, version, top, bottom) is { } kept) return kept;
        var rows = await connection.QueryAsync<ChoiceRow>(new CommandDefinition(
            ChoiceTallies, new { packId, top = top.ToArray(), bottom = bottom.ToArray() }, cancellationToken: cancellationToken));
        var tallies = rows.Select(r => new ChoiceTally(r.PackId, r.QuestionId, r.Choices, (ItemGroup)r.GroupId, (int)r.Count)).ToList();
        database.ItemTallies.KeepChoices(packId, version, top, bottom, tallies);
        return tallies;
    }

    private static Task<long> VersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(ReadVersions.Closes, cancellationToken: cancellationToken));

    // @packId appears with a cast: PostgreSQL cannot tell the type of a parameter only tested for NULL.
    private const string MemberTallies = """
        SELECT a.user_id AS UserId, COUNT(*) AS Answered, COUNT(*) FILTER (WHERE a.is_correct) AS Correct
        FROM posts p JOIN answers a ON a.post_id = p.id
        WHERE p.closed_at IS NOT NULL AND (CAST(@packId AS TEXT) IS NULL OR p.pack_id = @packId)
        GROUP BY a.user_id
        """;

    private const string ChoiceTallies = """
        SELECT p.pack_id AS PackId, p.question_id AS QuestionId, a.choices AS Choices,
               CASE WHEN a.user_id = ANY(@top) THEN 1 WHEN a.user_id = ANY(@bottom) THEN 2 ELSE 0 END AS GroupId,
               COUNT(*) AS Count
        FROM posts p JOIN answers a ON a.post_id = p.id
        WHERE p.closed_at IS NOT NULL AND (CAST(@packId AS TEXT) IS NULL OR p.pack_id = @packId)
        GROUP BY 1, 2, 3, 4
        """;

    private sealed class MemberRow
    {
        public long UserId { get; init; }
        public long Answered { get; init; }
        public long Correct { get; init; }
    }

    private sealed class ChoiceRow
    {
        public string PackId { get; init; } = "";
        public string QuestionId { get; init; } = "";
        public string Choices { get; init; } = "";
        public int GroupId { get; init; }
        public long Count { get; init; }
    }
}
