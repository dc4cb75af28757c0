using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using StudyBot.Core.Chat;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// User ids by platform id, kept in memory once committed, so a known user's click writes no user
/// row. Safe in a cluster: a user's id never changes and rows are never deleted. What another node
/// can change is the display name; this node then keeps the name it last wrote or read until the
/// member's name changes again here, and boards, which read names from the database, show the
/// newest name written by any node.
/// </summary>
internal sealed class KnownUsers
{
    private const string Upsert =
        """
        INSERT INTO users (platform, external_id, display_name) VALUES (@Platform, @UserId, @DisplayName)
        ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name
        RETURNING id
        """;

    private readonly ConcurrentDictionary<(string Platform, string UserId), (long Id, string Name)> _known = new();

    /// <summary>The user's id when known under the same display name (a new name is written, so boards show it).</summary>
    public long? Find(ChatUser user) =>
        _known.TryGetValue((user.Platform, user.UserId), out var known) && known.Name == user.DisplayName ? known.Id : null;

    /// <summary>The user's id inside <paramref name="transaction"/>: from memory, or the row added or renamed in it.</summary>
    public async Task<long> ResolveAsync(NpgsqlTransaction transaction, ChatUser user, CancellationToken cancellationToken) =>
        Find(user) ?? await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            Upsert, new { user.Platform, user.UserId, user.DisplayName }, transaction, cancellationToken: cancellationToken));

    /// <summary>Call only after the transaction that wrote or read the row has committed: a rolled-back id may be reused.</summary>
    public void Remember(ChatUser user, long id) => _known[(user.Platform, user.UserId)] = (id, user.DisplayName);
}
