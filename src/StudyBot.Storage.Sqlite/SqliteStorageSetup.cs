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
        builder.Services.AddGuardedStore<IChannelStore, SqliteChannelStore>(SqliteOutages.IsOutage);
        builder.Services.AddGuardedStore<IUserStore, SqliteUserStore>(SqliteOutages.IsOutage);
        builder.Services.AddGuardedStore<IPostStore, SqlitePostStore>(SqliteOutages.IsOutage);
        builder.Services.AddGuardedStore<IStatsQueries, SqliteStatsQueries>(SqliteOutages.IsOutage);
        builder.Services.AddGuardedStore<IPracticeStore, SqlitePracticeStore>(SqliteOutages.IsOutage);
        builder.Services.AddGuardedStore<IReviewStore, SqliteReviewStore>(SqliteOutages.IsOutage);
        builder.Services.AddGuardedStore<IReviewReminderStore, SqliteReviewReminderStore>(SqliteOutages.IsOutage);
        builder.Services.AddGuardedStore<ISuggestionStore, SqliteSuggestionStore>(SqliteOutages.IsOutage);
        builder.Services.AddGuardedStore<IClusterLeases, SqliteClusterLeases>(SqliteOutages.IsOutage);
        builder.Services.AddGuardedStore<IItemAnalysisQueries, SqliteItemAnalysisQueries>(SqliteOutages.IsOutage);
        builder.Services.AddGuardedStore<IChannelReportQueries, SqliteChannelReportQueries>(SqliteOutages.IsOutage);
        builder.Services.AddSingleton<IReadinessProbe, SqliteReadiness>();
        return builder;
    }
}
