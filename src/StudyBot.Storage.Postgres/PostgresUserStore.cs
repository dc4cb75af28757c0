using Dapper;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>Users by platform id. Known users come from memory; a stored one under the same name is read, not written.</summary>
public sealed class PostgresUserStore(PostgresDatabase database) : IUserStore
{
    public async Task<long> GetOrAddAsync(ChatUser user, CancellationToken cancellationToken)
    {
        if (database.Users.Find(user) is { } known) return known;
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<StoredUser>(new CommandDefinition(
            "SELECT id AS Id, display_name AS Name FROM users WHERE platform = @Platform AND external_id = @UserId",
            new { user.Platform, user.UserId }, cancellationToken: cancellationToken));
        if (stored is not null && stored.Name == user.DisplayName)
        {
            database.Users.Remember(user, stored.Id);
            return stored.Id;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await database.Users.ResolveAsync(transaction, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        database.Users.Remember(user, id);
        return id;
    }

    private sealed class StoredUser
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }
}
