using Dapper;

namespace StudyBot.Storage.Sqlite;

/// <summary>Finds a stored channel by what an operator types on the command line: its platform id ("123", "discord:123") or StudyBot's own id.</summary>
public static class SqliteChannelLookup
{
    public sealed record FoundChannel(long Id, string Platform, string ExternalId, string? PackId);

    public static async Task<IReadOnlyList<FoundChannel>> FindAsync(SqliteDatabase database, string text, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<FoundChannel>(new CommandDefinition(
            "SELECT id AS Id, platform AS Platform, external_id AS ExternalId, pack_id AS PackId FROM channels " +
            "WHERE external_id = @text OR platform || ':' || external_id = @text OR CAST(id AS TEXT) = @text ORDER BY id",
            new { text }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
