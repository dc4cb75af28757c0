using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using StudyBot.Core.Scheduling;
using StudyBot.Scheduling.Jobs;
using StudyBot.Storage.Sqlite;
using StudyBot.Core;

namespace StudyBot.Scheduling;

public static class SchedulingSetup
{
    /// <summary>Quartz with its persistent store in the bot's own SQLite file, so schedules survive restarts.</summary>
    public static IHostApplicationBuilder AddStudyScheduling(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SchedulingOptions>(SchedulingOptions.Section);
        var options = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var database = new SqliteDatabase(storage.DatabasePath);

        builder.Services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(database.ConnectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                store.ConfigureStore(settings =>
                {
                    settings.MisfireThreshold = options.MisfireThreshold;
                    settings.StoreJobDataAsStrings = true;
                });
            });
            // A daily post spends most of its time waiting for the chat platform's rate limit, not on a
            // CPU: with Quartz's default 10 slots, 1,000 channels due together could not keep Discord's
            // 50 requests a second busy. Quartz acquires as many due triggers per round as it has slots.
            quartz.UseDefaultThreadPool(options.MaxConcurrentJobs);
            quartz.AddJob<PostDailyQuestionJob>(job => job.WithIdentity(PostDailyQuestionJob.Key).StoreDurably());
            quartz.AddJob<CloseQuestionJob>(job => job.WithIdentity(CloseQuestionJob.Key).StoreDurably());
            quartz.AddJob<PostLeaderboardJob>(job => job.WithIdentity(PostLeaderboardJob.Key).StoreDurably());
        });
        builder.Services.AddSingleton<IStudySchedule, StudySchedule>();
        builder.Services.AddHostedService<ScheduleSynchronizer>();
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }
}
