using Dapper;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>Users by platform id. Known users come from memory, so looking one up costs no write.</summary>
public sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    public async Task<long> GetOrAddAsync(ChatUser user, CancellationToken cancellationToken)
    {
        if (database.Users.Find(user) is { } known) return known;
        // A member stored before this process started (most of them, after a restart) is read, not
        // written: a write would wait for a group commit and its fsync on every member's first command.
        await using (var connection = database.Open())
        {
            var stored = await connection.QuerySingleOrDefaultAsync<(long Id, string Name)?>(new CommandDefinition(
                "SELECT id, display_name FROM users WHERE platform = @Platform AND external_id = @UserId",
                new { user.Platform, user.UserId }, cancellationToken: cancellationToken));
            if (stored is { } row && row.Name == user.DisplayName)
            {
                database.Users.RememberStored(user, row.Id);
                return row.Id;
            }
        }
        // Through the group commit: a burst of first-time users costs a few commits, not one each.
        var id = await database.GroupCommit.WriteAsync(write => database.Users.Resolve(write, user), cancellationToken);
        database.Users.Remember(user, id);
        return id;
    }
}
