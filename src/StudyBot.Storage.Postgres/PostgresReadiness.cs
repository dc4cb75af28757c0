using Npgsql;
using StudyBot.Core.Health;

namespace StudyBot.Storage.Postgres;

/// <summary>The database is ready when a query on it answers and its schema is at the version this build ships.</summary>
public sealed class PostgresReadiness(PostgresDatabase database) : IReadinessProbe
{
    public string Name => "database";

    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var version = await PostgresMigrator.CurrentVersionAsync(connection, cancellationToken);
            return version >= PostgresMigrator.LatestVersion ? null : $"the database schema is at version {version}, not {PostgresMigrator.LatestVersion}";
        }
        catch (Exception e) when (PostgresOutages.IsOutage(e) || e is NpgsqlException)
        {
            return $"the database cannot be read ({e.Message})";
        }
    }
}
