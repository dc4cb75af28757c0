using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Core;
using StudyBot.Core.Health;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

public static class SqliteStorageSetup
{
    /// <summary>The storage ports on one SQLite file, migrated to the latest schema when first used.</summary>
    public static IHostApplicationBuilder AddSqliteStorage(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        builder.Services.AddSingleton(services =>
        {
            var database = new SqliteDatabase(services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath);
            database.Migrate();
            return database;
        });
        // The standard ADO.NET handle on the same file, for parts that need a database but not this
        // provider (Quartz's job store); resolving it migrates the file first, creating its folder.
        builder.Services.AddSingleton<DbDataSource>(services =>
            SqliteFactory.Instance.CreateDataSource(services.GetRequiredService<SqliteDatabase>().ConnectionString));
        builder.Services.AddSingleton<IChannelStore, SqliteChannelStore>();
        builder.Services.AddSingleton<IUserStore, SqliteUserStore>();
        builder.Services.AddSingleton<IPostStore, SqlitePostStore>();
        builder.Services.AddSingleton<IStatsQueries, SqliteStatsQueries>();
        builder.Services.AddSingleton<IPracticeStore, SqlitePracticeStore>();
        builder.Services.AddSingleton<IReviewStore, SqliteReviewStore>();
        builder.Services.AddSingleton<IReviewReminderStore, SqliteReviewReminderStore>();
        builder.Services.AddSingleton<ISuggestionStore, SqliteSuggestionStore>();
        builder.Services.AddSingleton<IClusterLeases, SqliteClusterLeases>();
        builder.Services.AddSingleton<IItemAnalysisQueries, SqliteItemAnalysisQueries>();
        builder.Services.AddSingleton<IChannelReportQueries, SqliteChannelReportQueries>();
        builder.Services.AddSingleton<IReadinessProbe, SqliteReadiness>();
        return builder;
    }
}
