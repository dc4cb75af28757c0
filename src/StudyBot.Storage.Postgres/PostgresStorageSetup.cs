using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using StudyBot.Core;
using StudyBot.Core.Health;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

public static class PostgresStorageSetup
{
    /// <summary>The storage ports on one PostgreSQL database, migrated when the host starts.</summary>
    public static IHostApplicationBuilder AddPostgresStorage(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PostgresStorageOptions>(PostgresStorageOptions.Section);
        builder.Services.AddSingleton(services =>
        {
            var connectionString = services.GetRequiredService<IOptions<PostgresStorageOptions>>().Value.ConnectionString!;
            try
            {
                return new PostgresDatabase(connectionString);
            }
            catch (ArgumentException e)
            {
                // Npgsql's own message quotes no value, only the keyword it does not know.
                throw new InvalidOperationException($"StudyBot:Storage:ConnectionString is not a valid PostgreSQL connection string ({e.Message}).", e);
            }
        });
        // First of all hosted services, wherever storage stands in the host's list: services registered
        // earlier use the stores when they start (content syncs retired cards), and the host starts
        // hosted services in registration order.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, PostgresStartup>());
        // Quartz's clustered job store shares the database through this (see AddStudyScheduling).
        builder.Services.AddSingleton<DbDataSource>(services => services.GetRequiredService<PostgresDatabase>().DataSource);
        builder.Services.AddGuardedStore<IChannelStore, PostgresChannelStore>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<IUserStore, PostgresUserStore>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<IPostStore, PostgresPostStore>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<IStatsQueries, PostgresStatsQueries>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<IPracticeStore, PostgresPracticeStore>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<IReviewStore, PostgresReviewStore>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<IReviewReminderStore, PostgresReviewReminderStore>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<ISuggestionStore, PostgresSuggestionStore>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<IClusterLeases, PostgresClusterLeases>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<IItemAnalysisQueries, PostgresItemAnalysisQueries>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<IChannelReportQueries, PostgresChannelReportQueries>(PostgresOutages.IsOutage);
        builder.Services.AddGuardedStore<INodeContentStore, PostgresNodeContentStore>(PostgresOutages.IsOutage);
        builder.Services.AddSingleton<IReadinessProbe, PostgresReadiness>();
        return builder;
    }

    /// <summary>One line for an operator: which setting, which server, what went wrong; never the password.</summary>
    public static string Unusable(string connectionString, Exception error)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var reason = error is PostgresException postgres ? postgres.MessageText : error.Message;
        return $"StudyBot:Storage:ConnectionString: the PostgreSQL database '{target.Database}' on {target.Host}:{target.Port} as '{target.Username}' " +
            $"cannot be used ({reason}).";
    }
}
