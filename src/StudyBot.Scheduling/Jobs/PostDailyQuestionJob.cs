using Quartz;
using StudyBot.Core.Study;

namespace StudyBot.Scheduling.Jobs;

/// <summary>Posts one channel's question of the day. One job, one trigger per channel.</summary>
[DisallowConcurrentExecution]
public sealed class PostDailyQuestionJob(DailyQuestions daily) : IJob
{
    public static readonly JobKey Key = new("post-daily-question", StudySchedule.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await daily.PostAsync(JobData.Read(context, JobData.ChannelId), scheduled: true, cancellationToken);
}
