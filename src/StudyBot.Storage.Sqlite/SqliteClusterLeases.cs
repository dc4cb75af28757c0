using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// Leases on the SQLite file. One process uses the file, so every lease is its own: the single node
/// holds every shard, and the code paths stay those of a cluster.
/// </summary>
public sealed class SqliteClusterLeases(SqliteDatabase database) : IClusterLeases
{
    public async Task<bool> TryHoldAsync(string name, string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var held = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            LeaseSql.TryHold, LeaseSql.HoldParameters(name, holder, ttl, now), cancellationToken: cancellationToken));
        return held is not null;
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition(LeaseSql.Release, new { name, holder }, cancellationToken: cancellationToken));
    }

    public async Task<int> CountLiveAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            LeaseSql.CountLive, new { prefix, now = Time.ToMs(now) }, cancellationToken: cancellationToken));
    }

    public async Task DropExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition(LeaseSql.DropExpired, new { before = Time.ToMs(before) }, cancellationToken: cancellationToken));
    }
}

/// <summary>The lease statements: the same text as PostgreSQL's twin (the providers share no project, so each keeps its copy).</summary>
internal static class LeaseSql
{
    // One statement, so two nodes racing for a lease cannot both win: the upsert overwrites only an
    // expired row or the holder's own, and RETURNING yields no row when it overwrote nothing.
    public const string TryHold =
        "INSERT INTO cluster_leases (name, holder, expires_at) VALUES (@name, @holder, @expires) " +
        "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
        "WHERE cluster_leases.holder = excluded.holder OR cluster_leases.expires_at <= @now " +
        "RETURNING holder";

    public const string Release = "DELETE FROM cluster_leases WHERE name = @name AND holder = @holder";

    // substr rather than LIKE: a name may hold '_' or '%'.
    public const string CountLive =
        "SELECT COUNT(*) FROM cluster_leases WHERE substr(name, 1, length(@prefix)) = @prefix AND expires_at > @now";

    public const string DropExpired = "DELETE FROM cluster_leases WHERE expires_at < @before";

    public static object HoldParameters(string name, string holder, TimeSpan ttl, DateTimeOffset now)
    {
        if (ttl <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A lease lasts a positive time.");
        return new { name, holder, now = Time.ToMs(now), expires = Time.ToMs(now + ttl) };
    }
}
