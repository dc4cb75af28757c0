using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary><see cref="ChannelLookup"/> on the SQLite file.</summary>
public static class SqliteChannelLookup
{
    public static async Task<IReadOnlyList<ChannelLookup.FoundChannel>> FindAsync(SqliteDatabase database, string text, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<ChannelLookup.FoundChannel>(new CommandDefinition(ChannelLookup.Sql, new { text }, cancellationToken: cancellationToken))).ToList();
    }
}
