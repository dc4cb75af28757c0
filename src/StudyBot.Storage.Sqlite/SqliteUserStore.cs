using System.Collections.Concurrent;
using Dapper;
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

        await using var connection = database.Open();
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO users (platform, external_id, display_name) VALUES (@Platform, @UserId, @DisplayName)
            ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name
            RETURNING id
            """,
            user, cancellationToken: cancellationToken));
        _known[key] = (id, user.DisplayName);
        return id;
    }
}
