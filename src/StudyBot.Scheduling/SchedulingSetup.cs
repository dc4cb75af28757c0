using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using StudyBot.Core.Health;
using StudyBot.Core.Scheduling;
using StudyBot.Scheduling.Jobs;
using StudyBot.Core;

namespace StudyBot.Scheduling;

public static class SchedulingSetup
{
    /// <summary>
    /// Quartz with its persistent store in the bot's own database (the <c>DbDataSource</c> storage registers), so
    /// schedules survive restarts. On PostgreSQL the store is clustered: every node shares the triggers, each
    /// fire runs on one node, and a node that stops checking in has its triggers taken over by the others.
    /// </summary>
    /// <param name="clusteredOnPostgres">The registered data source is PostgreSQL's (else SQLite's).</param>
    public static IHostApplicationBuilder AddStudyScheduling(this IHostApplicationBuilder builder, bool clusteredOnPostgres = false)
    {
        builder.AddValidatedOptions<SchedulingOptions>(SchedulingOptions.Section);
        var options = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();

        builder.Services.AddQuartz(quartz =>
        {
            // A node's own id, the same at every start, so a restarted node recovers its own unfinished fires.
            if (clusteredOnPostgres) quartz.ConfigureScheduler(scheduler => scheduler.InstanceId = options.NodeName);
            quartz.UsePersistentStore(store =>
            {
                // The storage provider's registered DbDataSource: Quartz shares the bot's database without knowing where it is.
                if (clusteredOnPostgres)
                {
                    store.UsePostgres(source => source.UseRegisteredDataSource = true);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = options.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = options.ClusterCheckinMisfireThreshold;
                    });
                }
                else
                {
                    store.UseSqlite(source => source.UseRegisteredDataSource = true);
                }
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
            // A daily post or a close cut off by a crash is re-run (on another node, or here at the next start):
            // both are safe to run twice. A leaderboard is not re-run: a second one would be a double.
            quartz.AddJob<PostDailyQuestionJob>(job => job.WithIdentity(PostDailyQuestionJob.Key).StoreDurably().RequestRecovery());
            quartz.AddJob<CloseQuestionJob>(job => job.WithIdentity(CloseQuestionJob.Key).StoreDurably().RequestRecovery());
            quartz.AddJob<PostLeaderboardJob>(job => job.WithIdentity(PostLeaderboardJob.Key).StoreDurably());
            quartz.AddJob<SendReviewRemindersJob>(job => job.WithIdentity(SendReviewRemindersJob.Key).StoreDurably());
            // At second 0 of every minute. A missed minute is not made up: the next round sends whatever is overdue.
            quartz.AddTrigger(trigger => trigger.WithIdentity(SendReviewRemindersJob.TriggerKey).ForJob(SendReviewRemindersJob.Key)
                .WithCronSchedule("0 * * * * ?", cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        builder.Services.AddSingleton<IStudySchedule, StudySchedule>();
        builder.Services.AddSingleton<IReadinessProbe, QuartzReadiness>();
        builder.Services.AddHostedService<ScheduleSynchronizer>();
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }
}
