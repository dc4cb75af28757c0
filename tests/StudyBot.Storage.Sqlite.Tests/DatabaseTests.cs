using Dapper;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Study;
using StudyBot.Testing;

namespace StudyBot.Storage.Sqlite.Tests;

public class DatabaseTests
{
    [Fact]
    public void Migrations_run_once_and_leave_the_file_in_wal_mode_at_the_latest_version()
    {
        using var dir = new TempDirectory();
        var database = new SqliteDatabase(dir.File("nested/folder/bot.db"));

        Assert.True(database.Migrate() > 0);
        Assert.Equal(0, database.Migrate());

        using var connection = database.Open();
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode;"));
        Assert.Equal(SqliteDatabase.LatestVersion, connection.ExecuteScalar<int>("PRAGMA user_version;"));
    }

    [Fact]
    public void The_review_tables_have_the_columns_the_reminders_query()
    {
        using var dir = new TempDirectory();
        var database = new SqliteDatabase(dir.File("bot.db"));
        database.Migrate();

        using var connection = database.Open();
        var cards = connection.Query<string>("SELECT name FROM pragma_table_info('review_cards')").ToList();
        Assert.Superset(new HashSet<string> { "user_id", "question_id", "due", "retired", "pack_id", "topic_id", "stability", "difficulty" }, cards.ToHashSet());
        var log = connection.Query<string>("SELECT name FROM pragma_table_info('review_log')").ToList();
        Assert.Superset(new HashSet<string> { "id", "user_id", "question_id", "rating", "reviewed_at", "elapsed_days", "source", "before_stability" }, log.ToHashSet());
    }

    [Fact]
    public async Task Data_survives_reopening_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bot.db");
        var first = new SqliteDatabase(path);
        first.Migrate();
        var channel = await new SqliteChannelStore(first).GetOrAddAsync(new ChannelAddress("slack", "C1"), default);
        await new SqliteChannelStore(first).UpdateAsync(channel with { Enabled = true, TimeZoneId = "America/New_York", PostTime = new TimeOnly(7, 30) }, default);

        var reopened = new SqliteDatabase(path);
        reopened.Migrate();
        var stored = Assert.Single(await new SqliteChannelStore(reopened).ListEnabledAsync(default));
        Assert.Equal(("America/New_York", new TimeOnly(7, 30)), (stored.TimeZoneId, stored.PostTime));
    }

    [Fact]
    public async Task A_new_channel_takes_the_configured_defaults_not_the_schema_ones()
    {
        using var dir = new TempDirectory();
        var database = new SqliteDatabase(dir.File("bot.db"));
        database.Migrate();
        var defaults = new StudyOptions
        {
            DefaultPostTime = new TimeOnly(7, 15),
            DefaultTimeZone = "Asia/Seoul",
            DefaultLeaderboardDay = DayOfWeek.Friday,
            DefaultLeaderboardTime = new TimeOnly(18, 30),
        };

        var channel = await new SqliteChannelStore(database, Options.Create(defaults)).GetOrAddAsync(new ChannelAddress("discord", "42"), default);

        Assert.False(channel.Enabled);
        Assert.Equal((new TimeOnly(7, 15), "Asia/Seoul", DayOfWeek.Friday, new TimeOnly(18, 30)),
            (channel.PostTime, channel.TimeZoneId, channel.LeaderboardDay, channel.LeaderboardTime));
    }

    [Fact]
    public async Task Users_keep_one_row_and_take_the_newest_display_name()
    {
        using var dir = new TempDirectory();
        var database = new SqliteDatabase(dir.File("bot.db"));
        database.Migrate();
        var users = new SqliteUserStore(database);

        var id = await users.GetOrAddAsync(new ChatUser("discord", "42", "old name"), default);
        Assert.Equal(id, await users.GetOrAddAsync(new ChatUser("discord", "42", "새 이름 🙂"), default));
        Assert.NotEqual(id, await users.GetOrAddAsync(new ChatUser("slack", "42", "same id elsewhere"), default));

        using var connection = database.Open();
        Assert.Equal("새 이름 🙂", connection.ExecuteScalar<string>("SELECT display_name FROM users WHERE id = @id", new { id }));
    }
}
