using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Scheduling;
using StudyBot.Storage.Postgres;
using StudyBot.Storage.Sqlite;

namespace StudyBot;

/// <summary>The storage provider named by <c>StudyBot:Storage:Provider</c>: one line per provider.</summary>
public static class StorageSetup
{
    public const string ProviderSetting = "StudyBot:Storage:Provider";

    /// <summary>The stores, and Quartz's job store in the same database: clustered on PostgreSQL.</summary>
    public static IHostApplicationBuilder AddStudyStorageAndScheduling(this IHostApplicationBuilder builder) =>
        Provider(builder.Configuration[ProviderSetting]) switch
        {
            StorageProvider.Sqlite => builder.AddSqliteStorage().AddStudyScheduling(),
            StorageProvider.Postgres => builder.AddPostgresStorage().AddNodeContentCheck().AddStudyScheduling(clusteredOnPostgres: true),
            var other => throw new InvalidOperationException($"No storage is wired for the provider {other}."),
        };

    /// <summary>
    /// A cluster's nodes must load the same content. Second of the hosted services, right after the migration:
    /// a refused node has written nothing (no card retired for its content) and started no schedule or chat adapter.
    /// </summary>
    private static IHostApplicationBuilder AddNodeContentCheck(this IHostApplicationBuilder builder)
    {
        builder.Services.Insert(1, ServiceDescriptor.Singleton<IHostedService>(services => new NodeContentCheck(
            services.GetRequiredService<INodeContentStore>(), services.GetRequiredService<ContentCatalog>(),
            services.GetRequiredService<IOptions<SchedulingOptions>>().Value.NodeName, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<NodeContentCheck>>())));
        return builder;
    }

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
