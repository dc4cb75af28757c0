using Dapper;
using StudyBot.Core.Chat;
using StudyBot.Testing;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>
/// Members stored before the process started: found by a read, so a member's first <c>/review</c> after a
/// restart waits for no group commit (the review benchmark's p99 was the fsync of that write).
/// </summary>
public class UserLookupTests
{
    [Fact]
    public async Task A_member_stored_before_a_restart_is_found_without_a_write()
    {
        using var dir = new TempDirectory();
        var before = new SqliteDatabase(dir.File("bot.db"));
        before.Migrate();
        var id = await new SqliteUserStore(before).GetOrAddAsync(new ChatUser("discord", "42", "Mina"), default);

        var restarted = new SqliteDatabase(dir.File("bot.db"));
        Assert.Equal(id, await new SqliteUserStore(restarted).GetOrAddAsync(new ChatUser("discord", "42", "Mina"), default));
        Assert.Equal(0, restarted.GroupCommit.CommittedBatches);
    }

    [Fact]
    public async Task A_member_stored_under_another_name_is_renamed_through_a_write()
    {
        using var dir = new TempDirectory();
        var before = new SqliteDatabase(dir.File("bot.db"));
        before.Migrate();
        var id = await new SqliteUserStore(before).GetOrAddAsync(new ChatUser("discord", "42", "Mina"), default);

        var restarted = new SqliteDatabase(dir.File("bot.db"));
        var users = new SqliteUserStore(restarted);
        Assert.Equal(id, await users.GetOrAddAsync(new ChatUser("discord", "42", "민아"), default));
        Assert.Equal(1, restarted.GroupCommit.CommittedBatches);
        using var connection = restarted.Open();
        Assert.Equal("민아", connection.ExecuteScalar<string>("SELECT display_name FROM users WHERE id = @id", new { id }));
        // Known from then on: the same name again writes nothing more.
        Assert.Equal(id, await users.GetOrAddAsync(new ChatUser("discord", "42", "민아"), default));
        Assert.Equal(1, restarted.GroupCommit.CommittedBatches);
    }

    [Fact]
    public async Task A_member_never_seen_is_added_once()
    {
        using var dir = new TempDirectory();
        var database = new SqliteDatabase(dir.File("bot.db"));
        database.Migrate();
        var users = new SqliteUserStore(database);

        var id = await users.GetOrAddAsync(new ChatUser("slack", "U1", "Jun"), default);
        Assert.Equal(id, await users.GetOrAddAsync(new ChatUser("slack", "U1", "Jun"), default));
        using var connection = database.Open();
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM users WHERE platform = 'slack' AND external_id = 'U1'"));
    }
}
