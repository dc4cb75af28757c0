using Dapper;
using Npgsql;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Storage.Postgres;
using StudyBot.Storage.Sqlite;
using StudyBot.Testing;
using StudyBot.Testing.Postgres;

namespace StudyBot.Tests;

/// <summary><c>studybot migrate</c> on both providers and <c>studybot storage copy</c> from a seeded SQLite file.</summary>
public sealed class StorageCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    private static readonly ScheduleCard Plain = (before, rating, at) =>
        new MemoryCard(CardState.Review, before.Stability + (int)rating, 5, at.AddDays((int)rating), at, before.Reps + 1, before.Lapses);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Migrate_brings_a_new_sqlite_file_to_the_latest_schema_and_then_finds_nothing_to_do()
    {
        var path = _dir.File("data/bot.db");
        var output = new StringWriter();

        Assert.Equal(0, await MigrateCommand.RunAsync([$"--StudyBot:Storage:DatabasePath={path}"], output, new StringWriter()));
        Assert.Equal(0, await MigrateCommand.RunAsync([$"--StudyBot:Storage:DatabasePath={path}"], output, new StringWriter()));

        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.StartsWith($"Applied {SqliteDatabase.LatestVersion} migration(s)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Applied 0 migration(s)", lines[1], StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Migrate_on_postgres_applies_every_migration_once()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            string[] args = ["--StudyBot:Storage:Provider=postgres", $"--StudyBot:Storage:ConnectionString={connectionString}"];
            var output = new StringWriter();

            Assert.Equal(0, await MigrateCommand.RunAsync(args, output, new StringWriter()));
            Assert.Equal(0, await MigrateCommand.RunAsync(args, output, new StringWriter()));

            var lines = output.ToString().TrimEnd().Split('\n');
            Assert.StartsWith($"Applied {PostgresMigrator.LatestVersion} migration(s)", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("Applied 0 migration(s)", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Migrate_on_postgres_without_a_connection_string_names_the_setting()
    {
        var error = new StringWriter();

        Assert.Equal(1, await MigrateCommand.RunAsync(["--StudyBot:Storage:Provider=postgres"], new StringWriter(), error));
        Assert.StartsWith("studybot migrate: StudyBot:Storage:ConnectionString must name the PostgreSQL database", error.ToString(), StringComparison.Ordinal);
    }

    // A table a later migration adds and the copy does not name would be left behind without a word.
    [PostgresFact]
    public async Task Storage_copy_names_every_table_the_migrations_make()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            await using (var database = new PostgresDatabase(connectionString)) await database.MigrateAsync();
            await using var connection = new NpgsqlConnection(connectionString);
            var tables = await connection.QueryAsync<string>(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'");

            Assert.Equal(tables.Order(StringComparer.Ordinal), StorageCopy.Tables.Concat(StorageCopy.Transient).Order(StringComparer.Ordinal));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Storage_copy_refuses_any_other_direction()
    {
        var error = new StringWriter();

        Assert.Equal(2, await StorageCopyCommand.RunAsync(["--from", "postgres", "--to", "sqlite"], new StringWriter(), error));
        Assert.Contains("--from sqlite --to postgres", error.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Storage_copy_moves_every_row_with_its_id_and_the_stores_read_the_same_history()
    {
        var path = _dir.File("data/bot.db");
        var (channelId, aliceId, openPostId) = await SeedAsync(path);
        var sqlite = new SqliteDatabase(path);
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            string[] args = ["--from", "sqlite", "--to", "postgres", $"--StudyBot:Storage:DatabasePath={path}", $"--StudyBot:Storage:ConnectionString={connectionString}"];
            var output = new StringWriter();
            Assert.Equal(0, await StorageCopyCommand.RunAsync(args, output, new StringWriter()));
            Assert.Contains("Copied 1 channels, 2 users, 3 posts, 4 answers, 1 practice_answers", output.ToString(), StringComparison.Ordinal);

            await using var postgres = new PostgresDatabase(connectionString);
            var sqliteStats = new SqliteStatsQueries(sqlite);
            var postgresStats = new PostgresStatsQueries(postgres);
            Assert.Equal(await sqliteStats.LeaderboardAsync(channelId, null, null, 10, default), await postgresStats.LeaderboardAsync(channelId, null, null, 10, default));
            Assert.Equal(await sqliteStats.LeaderboardAsync(channelId, T0, T0.AddDays(7), 10, default),
                await postgresStats.LeaderboardAsync(channelId, T0, T0.AddDays(7), 10, default));
            var sqliteUser = await sqliteStats.UserStatsAsync(channelId, aliceId, default);
            var postgresUser = await postgresStats.UserStatsAsync(channelId, aliceId, default);
            Assert.Equal(sqliteUser with { Topics = [] }, postgresUser with { Topics = [] });
            Assert.Equal(sqliteUser.Topics, postgresUser.Topics);
            Assert.Equal(await new SqliteReviewStore(sqlite).CardsAsync(aliceId, default), await new PostgresReviewStore(postgres).CardsAsync(aliceId, default));
            Assert.Equal(await new SqliteReviewReminderStore(sqlite).FindAsync(aliceId, default), await new PostgresReviewReminderStore(postgres).FindAsync(aliceId, default));
            Assert.Equal(openPostId, Assert.Single(await new PostgresPostStore(postgres).ListOpenAsync(default)).Id);

            // The sequences moved past the copied ids: new rows do not collide with copied ones.
            var newUser = await new PostgresUserStore(postgres).GetOrAddAsync(new ChatUser("test", "carol", "carol"), default);
            Assert.True(newUser > aliceId);
            var (post, created) = await new PostgresPostStore(postgres).ReserveAsync(
                new NewPost(channelId, "pack", "q9", new DateOnly(2026, 11, 20), T0.AddDays(4), T0.AddDays(4.5)), default);
            Assert.True(created);
            Assert.True(post.Id > openPostId);

            // A second copy finds the database in use and changes nothing.
            var error = new StringWriter();
            Assert.Equal(1, await StorageCopyCommand.RunAsync(args, new StringWriter(), error));
            Assert.Contains("already holds", error.ToString(), StringComparison.Ordinal);
            await using var connection = new NpgsqlConnection(connectionString);
            Assert.Equal(4, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers"));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>Two closed days and an open one, a practice answer with its card, a reminder, through the SQLite stores.</summary>
    private static async Task<(long ChannelId, long AliceId, long OpenPostId)> SeedAsync(string path)
    {
        var database = new SqliteDatabase(path);
        database.Migrate();
        var channels = new SqliteChannelStore(database);
        var channel = await channels.GetOrAddAsync(new ChannelAddress("test", "c1"), default);
        await channels.UpdateAsync(channel with { Enabled = true, TimeZoneId = "Asia/Seoul" }, default);
        var users = new SqliteUserStore(database);
        var alice = new ChatUser("test", "alice", "Alice 앨리스");
        var bob = new ChatUser("test", "bob", "bob");
        var aliceId = await users.GetOrAddAsync(alice, default);
        await users.GetOrAddAsync(bob, default);
        var posts = new SqlitePostStore(database);
        long openPostId = 0;
        for (var day = 0; day < 3; day++)
        {
            var (post, _) = await posts.ReserveAsync(new NewPost(channel.Id, "pack", $"q{day}", new DateOnly(2026, 11, 16 + day), T0.AddDays(day), T0.AddDays(day + 0.5)), default);
            await posts.RecordAnswerAsync(new NewAnswer(post.Id, channel.Id, alice, "topic", "0", true, T0.AddDays(day).AddMinutes(1)), default);
            if (day == 0) await posts.RecordAnswerAsync(new NewAnswer(post.Id, channel.Id, bob, "topic", "1", false, T0.AddMinutes(2)), default);
            if (day < 2) await posts.CloseAsync(post.Id, T0.AddDays(day + 0.5), default);
            else openPostId = post.Id;
        }
        await new SqlitePracticeStore(database).RecordAsync(aliceId, "q7", "other", true, T0.AddHours(3),
            new CardReview("pack", "q7", "other", Rating.Good, ReviewSource.Quiz, T0.AddHours(3), Plain), default);
        await new SqliteReviewReminderStore(database).SaveAsync(aliceId,
            new ReviewReminder(new TimeOnly(8, 30), "Asia/Seoul", Language.Ko, true, T0.AddDays(1), null), default);
        return (channel.Id, aliceId, openPostId);
    }
}
