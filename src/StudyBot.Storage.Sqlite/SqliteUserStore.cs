using System.Collections.Concurrent;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>Users by platform id. Known users are cached so an answer burst does not write a user row per click.</summary>
public sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    private readonly ConcurrentDictionary<(string Platform, string UserId), (long Id, string Name)> _known = new();

    public async Task<long> GetOrAddAsync(ChatUser user, CancellationToken cancellationToken)
    {
        var key = (user.Platform, user.UserId);
        if (_known.TryGetValue(key, out var known) && known.Name == user.DisplayName) return known.Id;

        // Through the group commit: a burst of first-time users costs a few commits, not one each.
        var id = await database.GroupCommit.WriteAsync(write => (long)write.Command(
            """
            INSERT INTO users (platform, external_id, display_name) VALUES ($platform, $id, $name)
            ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name
            RETURNING id
            """,
            ("$platform", user.Platform), ("$id", user.UserId), ("$name", user.DisplayName)).ExecuteScalar()!, cancellationToken);
        _known[key] = (id, user.DisplayName);
        return id;
    }
}
