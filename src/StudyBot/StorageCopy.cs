using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using StudyBot.Storage.Postgres;
using StudyBot.Storage.Sqlite;

namespace StudyBot;

/// <summary>
/// A one-way copy of a SQLite file's rows into an empty PostgreSQL database, so a group that grows
/// can move its history. Ids are kept (every reference stays right) and each identity sequence moves
/// past the copied ids. Both schemas are first brought to the latest version; the columns copied are
/// PostgreSQL's, read by the same names from SQLite, so a later migration pair needs no change here.
/// One transaction: a failed copy leaves the target empty.
/// </summary>
public static class StorageCopy
{
    /// <summary>In the order foreign keys need: a row's parents are copied before it.</summary>
    public static readonly IReadOnlyList<string> Tables =
        ["channels", "users", "posts", "answers", "practice_answers", "board_totals", "review_cards", "review_log", "review_reminders",
            "suggestions", "suggestion_reviewers"];

    /// <summary>
    /// Tables the migrations make that are not copied, because they are about the running nodes, not the
    /// group's history: cluster_leases (who runs what for the next few seconds: live nodes, Discord shards,
    /// Slack envelopes seen) and node_content (which content each live node loaded). review_due_hours is not
    /// copied either: the target's triggers tally it from the review_cards rows as they are copied; nor are read_versions and channel_closes (cache versions, bumped by the target's own triggers).
    /// </summary>
    public static readonly IReadOnlyList<string> NotCopied = ["channel_closes", "cluster_leases", "node_content", "read_versions", "review_due_hours"];

    public sealed record Copied(string Table, long Rows);

    public static async Task<IReadOnlyList<Copied>> CopyAsync(string sqlitePath, string postgresConnectionString, CancellationToken cancellationToken)
    {
        if (!File.Exists(sqlitePath)) throw new InvalidOperationException($"No SQLite file at '{Path.GetFullPath(sqlitePath)}' ({StorageSettings.DatabasePathSetting}).");
        var sqlite = new SqliteDatabase(sqlitePath);
        sqlite.Migrate();
        if (SqliteDatabase.LatestVersion != PostgresMigrator.LatestVersion)
        {
            throw new InvalidOperationException($"the SQLite schema is at version {SqliteDatabase.LatestVersion} and the PostgreSQL one at " +
                $"{PostgresMigrator.LatestVersion}: this build cannot copy between them.");
        }
        await using var target = new PostgresDatabase(postgresConnectionString);
        await target.MigrateAsync(cancellationToken);

        await using var source = sqlite.Open();
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in Tables)
        {
            // The lock keeps a bot started meanwhile from writing between this check and the copy.
            await connection.ExecuteAsync(new CommandDefinition($"LOCK TABLE {table} IN EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken));
            var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table}", transaction: transaction, cancellationToken: cancellationToken));
            if (rows > 0)
            {
                throw new InvalidOperationException($"the PostgreSQL database already holds {rows} row(s) in {table}: storage copy only fills an empty database " +
                    "(make a new one, or drop this one's tables if it holds nothing you need).");
            }
        }
        var copied = new List<Copied>();
        foreach (var table in Tables) copied.Add(new Copied(table, await CopyTableAsync(source, connection, table, cancellationToken)));
        foreach (var table in Tables) await MoveSequenceAsync(connection, table, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    private static async Task<long> CopyTableAsync(SqliteConnection source, NpgsqlConnection target, string table, CancellationToken cancellationToken)
    {
        var columns = (await target.QueryAsync<(string Name, string Type)>(new CommandDefinition(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position",
            new { table }, cancellationToken: cancellationToken))).ToList();
        var names = string.Join(", ", columns.Select(c => c.Name));
        await using var reader = await new SqliteCommand($"SELECT {names} FROM {table}", source).ExecuteReaderAsync(cancellationToken);
        await using var writer = await target.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                if (reader.IsDBNull(i)) await writer.WriteNullAsync(cancellationToken);
                else await WriteAsync(writer, reader, i, columns[i].Type, cancellationToken);
            }
            rows++;
        }
        await writer.CompleteAsync(cancellationToken);
        return rows;
    }

    /// <summary>SQLite keeps flags and small numbers as 64-bit integers: each becomes the PostgreSQL column's own type.</summary>
    private static Task WriteAsync(NpgsqlBinaryImporter writer, SqliteDataReader reader, int i, string type, CancellationToken cancellationToken) => type switch
    {
        "boolean" => writer.WriteAsync(reader.GetInt64(i) != 0, NpgsqlDbType.Boolean, cancellationToken),
        "integer" => writer.WriteAsync(checked((int)reader.GetInt64(i)), NpgsqlDbType.Integer, cancellationToken),
        "bigint" => writer.WriteAsync(reader.GetInt64(i), NpgsqlDbType.Bigint, cancellationToken),
        "double precision" => writer.WriteAsync(reader.GetDouble(i), NpgsqlDbType.Double, cancellationToken),
        "text" => writer.WriteAsync(reader.GetString(i), NpgsqlDbType.Text, cancellationToken),
        _ => throw new InvalidOperationException($"storage copy does not know the PostgreSQL column type '{type}'."),
    };

    private static async Task MoveSequenceAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        // Only tables with an identity id have a sequence; the next id is one past the largest copied.
        var identity = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND is_identity = 'YES'",
            new { table }, cancellationToken: cancellationToken));
        if (identity is null) return;
        await connection.ExecuteAsync(new CommandDefinition(
            $"SELECT setval(pg_get_serial_sequence('{table}', '{identity}'), COALESCE((SELECT MAX({identity}) FROM {table}), 0) + 1, false)",
            cancellationToken: cancellationToken));
    }
}
