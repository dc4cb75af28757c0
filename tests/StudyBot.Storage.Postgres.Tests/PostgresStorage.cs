using Dapper;
using StudyBot.Core.Chat;
using StudyBot.Storage.Contract;
using StudyBot.Testing.Postgres;

namespace StudyBot.Storage.Postgres.Tests;

/// <summary>A fresh database on the run's PostgreSQL server, migrated, with every store on it; dropped on dispose.</summary>
public sealed class PostgresStorage : IStorageUnderTest
{
    private readonly PostgresServer _server;

    private PostgresStorage(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
        Database = new PostgresDatabase(connectionString);
        Channels = new PostgresChannelStore(Database);
        Users = new PostgresUserStore(Database);
        Posts = new PostgresPostStore(Database);
        Stats = new PostgresStatsQueries(Database);
        Practice = new PostgresPracticeStore(Database);
        Reviews = new PostgresReviewStore(Database);
        Reminders = new PostgresReviewReminderStore(Database);
        Items = new PostgresItemAnalysisQueries(Database);
        Reports = new PostgresChannelReportQueries(Database);
        Suggestions = new PostgresSuggestionStore(Database);
        Leases = new PostgresClusterLeases(Database);
    }

    public static async Task<PostgresStorage> CreateAsync(PostgresServer? server = null)
    {
        server ??= await PostgresServer.SharedAsync();
        var storage = new PostgresStorage(server, await server.CreateDatabaseAsync());
        await storage.Database.MigrateAsync();
        return storage;
    }

    public string ConnectionString { get; }
    public PostgresDatabase Database { get; }
    public PostgresChannelStore Channels { get; }
    public PostgresUserStore Users { get; }
    public PostgresPostStore Posts { get; }
    public PostgresStatsQueries Stats { get; }
    public PostgresPracticeStore Practice { get; }
    public PostgresReviewStore Reviews { get; }
    public PostgresReviewReminderStore Reminders { get; }
    public PostgresItemAnalysisQueries Items { get; }
    public PostgresChannelReportQueries Reports { get; }
    public PostgresSuggestionStore Suggestions { get; }
    public PostgresClusterLeases Leases { get; }

    Core.Storage.IChannelStore IStorageUnderTest.Channels => Channels;
    Core.Storage.IUserStore IStorageUnderTest.Users => Users;
    Core.Storage.IPostStore IStorageUnderTest.Posts => Posts;
    Core.Storage.IStatsQueries IStorageUnderTest.Stats => Stats;
    Core.Storage.IPracticeStore IStorageUnderTest.Practice => Practice;
    Core.Storage.IReviewStore IStorageUnderTest.Reviews => Reviews;
    Core.Storage.IReviewReminderStore IStorageUnderTest.Reminders => Reminders;
    Core.Storage.IItemAnalysisQueries IStorageUnderTest.Items => Items;
    Core.Storage.IChannelReportQueries IStorageUnderTest.Reports => Reports;
    Core.Storage.ISuggestionStore IStorageUnderTest.Suggestions => Suggestions;
    Core.Storage.IClusterLeases IStorageUnderTest.Leases => Leases;

    public async Task AddReviewCardAsync(long userId, string questionId, DateTimeOffset due, bool retired = false)
    {
        await using var connection = await Database.OpenAsync(default);
        await connection.ExecuteAsync(
            "INSERT INTO review_cards (user_id, question_id, pack_id, topic_id, state, stability, difficulty, due, reps, lapses, last_rating, retired) " +
            "VALUES (@userId, @questionId, 'pack', 'topic', 2, 3.0, 5.0, @due, 1, 0, 3, @retired)",
            new { userId, questionId, due = due.ToUnixTimeMilliseconds(), retired });
    }

    public async Task<(int Streak, int Points)> ScoredAsync(long postId, ChatUser user)
    {
        await using var connection = await Database.OpenAsync(default);
        return await connection.QuerySingleAsync<(int, int)>(
            "SELECT a.streak, a.points FROM answers a JOIN users u ON u.id = a.user_id WHERE a.post_id = @postId AND u.platform = @platform AND u.external_id = @userId",
            new { postId, platform = user.Platform, userId = user.UserId });
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await _server.DropDatabaseAsync(ConnectionString);
    }
}
