using Dapper;
using Npgsql;
using StudyBot.Testing.Postgres;

namespace StudyBot.Storage.Postgres.Tests;

public class MigrationTests
{
    [Fact]
    public async Task Two_nodes_migrating_at_once_apply_each_migration_once()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            // Two data sources, as two nodes have; both start migrating together.
            await using var first = NpgsqlDataSource.Create(connectionString);
            await using var second = NpgsqlDataSource.Create(connectionString);
            using var start = new Barrier(2);
            var applied = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return PostgresMigrator.MigrateAsync(first, default); }),
                Task.Run(() => { start.SignalAndWait(); return PostgresMigrator.MigrateAsync(second, default); }));

            Assert.Equal(PostgresMigrator.Versions.Count, applied.Sum());
            Assert.Contains(0, applied);
            await using var connection = await first.OpenConnectionAsync();
            var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
            Assert.Equal(PostgresMigrator.Versions, versions);
            Assert.Equal(PostgresMigrator.LatestVersion, await PostgresMigrator.CurrentVersionAsync(connection, default));
            Assert.Equal(0, await PostgresMigrator.MigrateAsync(first, default));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task A_database_never_migrated_is_at_version_zero_and_not_ready()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            await using var database = new PostgresDatabase(connectionString);
            await using (var connection = await database.OpenAsync(default))
                Assert.Equal(0, await PostgresMigrator.CurrentVersionAsync(connection, default));
            Assert.Contains("version 0", await new PostgresReadiness(database).ProblemAsync(default), StringComparison.Ordinal);

            await database.MigrateAsync();
            Assert.Null(await new PostgresReadiness(database).ProblemAsync(default));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void Every_sqlite_migration_has_a_postgres_twin_of_the_same_number()
    {
        var root = RepositoryRoot();
        var sqlite = Numbers(Path.Combine(root, "src", "StudyBot.Storage.Sqlite", "Migrations"));
        var postgres = Numbers(Path.Combine(root, "src", "StudyBot.Storage.Postgres", "Migrations"));

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, postgres);
        Assert.Equal(postgres, PostgresMigrator.Versions);
    }

    private static List<int> Numbers(string folder) =>
        Directory.GetFiles(folder, "*.sql").Select(f => int.Parse(Path.GetFileName(f)[..3], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StudyBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("StudyBot.sln not found above the test binaries.");
    }
}
