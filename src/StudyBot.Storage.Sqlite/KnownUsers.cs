using System.Collections.Concurrent;
using StudyBot.Core.Chat;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// User ids by platform id, kept in memory once committed, so a known user's click writes no user
/// row. Shared by the stores on one file: an answer adds its first-time user in its own transaction.
/// </summary>
internal sealed class KnownUsers(LocalVersions versions)
{
    private const string Upsert =
        """
        INSERT INTO users (platform, external_id, display_name) VALUES ($platform, $id, $name)
        ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name
        RETURNING id
        """;

    private readonly ConcurrentDictionary<(string Platform, string UserId), (long Id, string Name)> _known = new();

    /// <summary>The user's id when known under the same display name (a new name is written, so boards show it).</summary>
    public long? Find(ChatUser user) =>
        _known.TryGetValue((user.Platform, user.UserId), out var known) && known.Name == user.DisplayName ? known.Id : null;

    /// <summary>The user's id inside a group write: from memory, or the row added or renamed in this transaction.</summary>
    public long Resolve(GroupWrite write, ChatUser user) =>
        Find(user) ?? (long)write.Command(Upsert, ("$platform", user.Platform), ("$id", user.UserId), ("$name", user.DisplayName)).ExecuteScalar()!;

    /// <summary>Call only after the transaction that wrote the row has committed: a rolled-back id may be reused.</summary>
    public void Remember(ChatUser user, long id)
    {
        var key = (user.Platform, user.UserId);
        // Not known in memory means the row may have held another name before this write.
        if (!_known.TryGetValue(key, out var known) || known.Name != user.DisplayName) versions.NamesChanged();
        _known[key] = (id, user.DisplayName);
    }

    /// <summary>A row read from the file under this very name: nothing was written, so no board changes.</summary>
    public void RememberStored(ChatUser user, long id) => _known.TryAdd((user.Platform, user.UserId), (id, user.DisplayName));
}
