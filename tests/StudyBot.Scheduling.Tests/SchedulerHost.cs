using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Core;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Storage.Postgres;
using StudyBot.Storage.Sqlite;
using StudyBot.Testing;

namespace StudyBot.Scheduling.Tests;

/// <summary>A real host with Quartz on a SQLite file, a recording chat platform and a shifted clock.</summary>
internal static class SchedulerHost
{
    public static IHost Build(string databasePath, TimeProvider clock, IChatPlatform platform, TimeSpan? answerWindow = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StudyBot:Storage:DatabasePath"] = databasePath,
            ["StudyBot:Scheduling:MisfireThreshold"] = "00:00:05",
            ["StudyBot:Study:AnswerWindow"] = (answerWindow ?? TimeSpan.FromHours(12)).ToString(),
        });
        builder.AddStudyCore().AddSqliteStorage().AddStudyScheduling();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new ContentCatalog([Packs.Small()]));
        builder.Services.AddSingleton<IChatPlatform>(platform);
        return builder.Build();
    }

    /// <summary>One node of a cluster: the stores and Quartz's clustered job store on one PostgreSQL database.</summary>
    /// <param name="checkin">How often the node checks in, and how late a check-in may be before the others take its fires over.</param>
    public static IHost BuildNode(string connectionString, string instanceId, TimeProvider clock, IChatPlatform platform, TimeSpan? checkin = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StudyBot:Storage:ConnectionString"] = connectionString,
            ["StudyBot:Scheduling:MisfireThreshold"] = "00:00:05",
            ["StudyBot:Scheduling:InstanceId"] = instanceId,
        });
        if (checkin is { } every)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StudyBot:Scheduling:ClusterCheckinInterval"] = every.ToString(),
                ["StudyBot:Scheduling:ClusterCheckinMisfireThreshold"] = every.ToString(),
            });
        builder.AddStudyCore().AddPostgresStorage().AddStudyScheduling(clusteredOnPostgres: true);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new ContentCatalog([Packs.Small()]));
        builder.Services.AddSingleton<IChatPlatform>(platform);
        return builder.Build();
    }

    public static async Task<bool> WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(50);
        }
        return condition();
    }
}
