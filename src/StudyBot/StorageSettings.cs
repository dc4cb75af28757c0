using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using StudyBot.Storage.Sqlite;

namespace StudyBot;

/// <summary>
/// The storage settings as the bot reads them (appsettings.json beside the binary, environment,
/// arguments), for the commands that work on the database without running the bot.
/// </summary>
public sealed record StorageSettings(StorageProvider Provider, string DatabasePath, string? ConnectionString)
{
    public const string ConnectionStringSetting = "StudyBot:Storage:ConnectionString";
    public const string DatabasePathSetting = "StudyBot:Storage:DatabasePath";

    /// <summary>The settings; a wrong provider name throws <see cref="InvalidOperationException"/> naming the setting.</summary>
    public static StorageSettings Read(string[] args) =>
        From(Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory }).Configuration);

    /// <summary>The settings in <paramref name="configuration"/>; a wrong provider name throws as <see cref="Read"/> does.</summary>
    public static StorageSettings From(IConfiguration configuration) =>
        new StorageSettings(
            StorageSetup.Provider(configuration[StorageSetup.ProviderSetting]),
            configuration[DatabasePathSetting] is { Length: > 0 } path ? path : new StorageOptions().DatabasePath,
            configuration[ConnectionStringSetting] is { Length: > 0 } connection ? connection : null);

    /// <summary>The PostgreSQL connection string, or the error line naming the setting when it is missing.</summary>
    public string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(
        $"{ConnectionStringSetting} must name the PostgreSQL database (e.g. 'Host=db;Database=studybot;Username=studybot;Password=…').");
}
