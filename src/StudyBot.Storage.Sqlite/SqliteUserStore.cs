using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>Users by platform id. Known users come from memory, so looking one up costs no write.</summary>
public sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    public async Task<long> GetOrAddAsync(ChatUser user, CancellationToken cancellationToken)
    {
        if (database.Users.Find(user) is { } known) return known;
        // Through the group commit: a burst of first-time users costs a few commits, not one each.
        var id = await database.GroupCommit.WriteAsync(write => database.Users.Resolve(write, user), cancellationToken);
        database.Users.Remember(user, id);
        return id;
    }
}
