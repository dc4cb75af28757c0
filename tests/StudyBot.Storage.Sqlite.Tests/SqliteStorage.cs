using Dapper;
using StudyBot.Core.Chat;
using StudyBot.Storage.Contract;
using StudyBot.Testing;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>A real SQLite file in a temp folder, migrated, with every store on it.</summary>
public sealed class SqliteStorage : IStorageUnderTest, IDisposable
{
    private readonly TempDirectory _dir = new();

    public SqliteStorage()
    {
        Database = new SqliteDatabase(_dir.File("data/studybot.db"));
        Database.Migrate();
        Channels = new SqliteChannelStore(Database);
        Users = new SqliteUserStore(Database);
        Posts = new SqlitePostStore(Database);
        Stats = new SqliteStatsQueries(Database);
        Practice = new SqlitePracticeStore(Database);
        Reviews = new SqliteReviewStore(Database);
        Reminders = new SqliteReviewReminderStore(Database);
        Items = new SqliteItemAnalysisQueries(Database);
        Reports = new SqliteChannelReportQueries(Database);
        Suggestions = new SqliteSuggestionStore(Database);
        Leases = new SqliteClusterLeases(Database);
    }

    public SqliteDatabase Database { get; }
    public SqliteChannelStore Channels { get; }
    public SqliteUserStore Users { get; }
    public SqlitePostStore Posts { get; }
    public SqliteStatsQueries Stats { get; }
    public SqlitePracticeStore Practice { get; }
    public SqliteReviewStore Reviews { get; }
    public SqliteReviewReminderStore Reminders { get; }
    public SqliteItemAnalysisQueries Items { get; }
    public SqliteChannelReportQueries Reports { get; }
    public SqliteSuggestionStore Suggestions { get; }
    public SqliteClusterLeases Leases { get; }

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
        using var connection = Database.Open();
        await connection.ExecuteAsync(
            "INSERT INTO review_cards (user_id, question_id, pack_id, topic_id, state, stability, difficulty, due, reps, lapses, last_rating, retired) " +
            "VALUES (@userId, @questionId, 'pack', 'topic', 2, 3.0, 5.0, @due, 1, 0, 3, @retired)",
            new { userId, questionId, due = due.ToUnixTimeMilliseconds(), retired });
    }

    public async Task<(int Streak, int Points)> ScoredAsync(long postId, ChatUser user)
    {
        using var connection = Database.Open();
        return await connection.QuerySingleAsync<(int, int)>(
            "SELECT a.streak, a.points FROM answers a JOIN users u ON u.id = a.user_id WHERE a.post_id = @postId AND u.platform = @platform AND u.external_id = @userId",
            new { postId, platform = user.Platform, userId = user.UserId });
    }

    public void Dispose() => _dir.Dispose();

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
