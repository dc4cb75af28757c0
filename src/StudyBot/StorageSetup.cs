using Microsoft.Extensions.Hosting;
using StudyBot.Storage.Postgres;
using StudyBot.Storage.Sqlite;

namespace StudyBot;

/// <summary>The storage provider named by <c>StudyBot:Storage:Provider</c>: one line per provider.</summary>
public static class StorageSetup
{
    public const string ProviderSetting = "StudyBot:Storage:Provider";

    public static IHostApplicationBuilder AddStudyStorage(this IHostApplicationBuilder builder) =>
        Provider(builder.Configuration[ProviderSetting]) switch
        {
            StorageProvider.Sqlite => builder.AddSqliteStorage(),
            // Quartz stays on a SQLite file (StudyBot:Storage:DatabasePath) for now, even with PostgreSQL:
            // a temporary step until its clustered ADO store on the same database replaces it.
            StorageProvider.Postgres => builder.AddPostgresStorage().AddSqliteScheduleStore(),
            var other => throw new InvalidOperationException($"No storage is wired for the provider {other}."),
        };

    /// <summary>The provider a setting names; a wrong name stops the bot at start with a message that names the setting.</summary>
    public static StorageProvider Provider(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => StorageProvider.Sqlite,
        "postgres" or "postgresql" => StorageProvider.Postgres,
        _ => throw new InvalidOperationException($"{ProviderSetting} is '{setting}': use 'sqlite' (the default) or 'postgres'."),
    };
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
