using Microsoft.Data.Sqlite;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// What one write inside a group transaction gets: the connection and transaction, and statements
/// prepared once per drain of the queue rather than once per write (preparing costs more than
/// running these small statements).
/// </summary>
public sealed class GroupWrite
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    internal GroupWrite(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }
    public SqliteTransaction Transaction { get; internal set; } = null!;

    /// <summary>The statement for <paramref name="sql"/>, prepared on first use, with these parameter values (same names, same order every time).</summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            command.Transaction = Transaction;
            command.Prepare();
            _prepared[sql] = command;
            return command;
        }
        command.Transaction = Transaction;
        for (var i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        return command;
    }

    internal void DisposeStatements()
    {
        foreach (var command in _prepared.Values) command.Dispose();
        _prepared.Clear();
    }
}
