using System.Globalization;
using System.Reflection;
using Dapper;
using Npgsql;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// The embedded <c>Migrations/NNN_*.sql</c> scripts, numbered as their SQLite twins. All missing ones
/// are applied in one transaction that first takes a transaction-level advisory lock: when several
/// nodes start at once, one migrates and the others wait, then find nothing left to do. A failed
/// script leaves the database as it was (PostgreSQL's DDL is transactional).
/// </summary>
public static class PostgresMigrator
{
    /// <summary>The advisory lock's key: any constant the bot alone uses ("StudyBot" in ASCII).</summary>
    private const long LockKey = 0x5374756479426f74;

    public static int LatestVersion => Scripts().Max(m => m.Version);

    /// <summary>The migration numbers shipped in this assembly, in order.</summary>
    public static IReadOnlyList<int> Versions => Scripts().Select(m => m.Version).ToList();

    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@LockKey)", new { LockKey }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
            transaction: transaction, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();
        var count = 0;
        foreach (var (version, name, sql) in Scripts().Where(m => !applied.Contains(m.Version)))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", new { version, name }, transaction, cancellationToken: cancellationToken));
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>The schema version the database is at (0 when never migrated).</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Two statements: PostgreSQL resolves every table a statement names before running any of it.
        var migrated = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", cancellationToken: cancellationToken));
        return migrated
            ? await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", cancellationToken: cancellationToken))
            : 0;
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = resource["Migrations.".Length..];
            var version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (version, Path.GetFileNameWithoutExtension(file), reader.ReadToEnd());
        }
    }
}
