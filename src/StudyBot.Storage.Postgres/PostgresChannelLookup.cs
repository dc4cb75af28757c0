using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary><see cref="ChannelLookup"/> on PostgreSQL.</summary>
public static class PostgresChannelLookup
{
    public static async Task<IReadOnlyList<ChannelLookup.FoundChannel>> FindAsync(PostgresDatabase database, string text, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ChannelLookup.FoundChannel>(new CommandDefinition(ChannelLookup.Sql, new { text }, cancellationToken: cancellationToken))).ToList();
    }
}
