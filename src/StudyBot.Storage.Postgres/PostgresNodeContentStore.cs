using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>Nodes' content rows, compared and written under a transaction-level advisory lock of their own.</summary>
public sealed class PostgresNodeContentStore(PostgresDatabase database) : INodeContentStore
{
    /// <summary>Not the migrator's key: a node checking its content must not wait for another's migration.</summary>
    private const long LockKey = 0x5374756479436e74; // "StudyCnt"

    public async Task<IReadOnlyList<OtherNode>> JoinAsync(string instanceId, string packs, TimeSpan liveWithin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@LockKey)", new { LockKey }, transaction, cancellationToken: cancellationToken));
        var others = (await connection.QueryAsync<OtherNode>(new CommandDefinition("""
            SELECT instance_id AS InstanceId, packs AS Packs FROM node_content
            WHERE instance_id <> @instanceId AND packs <> @packs AND seen_at > now() - @liveWithin
            ORDER BY instance_id
            """, new { instanceId, packs, liveWithin }, transaction, cancellationToken: cancellationToken))).ToList();
        if (others.Count == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO node_content (instance_id, packs, seen_at) VALUES (@instanceId, @packs, now())
                ON CONFLICT (instance_id) DO UPDATE SET packs = excluded.packs, seen_at = excluded.seen_at
                """, new { instanceId, packs }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return others;
    }

    public async Task SeenAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE node_content SET seen_at = now() WHERE instance_id = @instanceId", new { instanceId },
            cancellationToken: cancellationToken));
    }

    public async Task LeaveAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM node_content WHERE instance_id = @instanceId", new { instanceId },
            cancellationToken: cancellationToken));
    }
}
