using Npgsql;

namespace StudyBot.Storage.Postgres;

/// <summary>Which Npgsql errors mean "the server is not reachable right now" rather than a fault in a query.</summary>
public static class PostgresOutages
{
    /// <summary>
    /// A broken or refused connection, a timeout, or the server shutting down, restarting or refusing connections
    /// (SQLSTATE class 08 and 57P01–57P03). Npgsql's pool drops broken connections, so the next call reconnects.
    /// </summary>
    public static bool IsOutage(Exception error) => error switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException => true,
        _ => false,
    };
}
