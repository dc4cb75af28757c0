using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Core;

namespace StudyBot.Storage.Sqlite;

public static class SqliteScheduleStoreSetup
{
    /// <summary>
    /// Only the SQLite file for Quartz's job store, at <c>StudyBot:Storage:DatabasePath</c>, for a bot
    /// whose own data lives elsewhere (PostgreSQL). The file then holds schedules only; no StudyBot table
    /// is created in it. A temporary step: Quartz's clustered store on PostgreSQL replaces it.
    /// </summary>
    public static IHostApplicationBuilder AddSqliteScheduleStore(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        builder.Services.AddSingleton<DbDataSource>(services =>
        {
            var database = new SqliteDatabase(services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath);
            if (Path.GetDirectoryName(database.Path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            return SqliteFactory.Instance.CreateDataSource(database.ConnectionString);
        });
        return builder;
    }
}
