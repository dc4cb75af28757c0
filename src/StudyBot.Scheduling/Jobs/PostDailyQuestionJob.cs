using Quartz;
using StudyBot.Core.Study;

namespace StudyBot.Scheduling.Jobs;

/// <summary>
/// Posts one channel's question of the day. One job, one trigger per channel. Runs for many channels
/// at once (no DisallowConcurrentExecution: that is per job, so it made every channel wait for the one
/// before, and 1,000 channels due at 09:00 took longer than Discord's rate limit needs); a second run
/// for the same channel and day finds the post reserved and does nothing. The job requests recovery: a run cut off
/// by its node's death is re-run (<see cref="IJobExecutionContext.Recovering"/>) by another node, or by this one at
/// its next start, and that run finishes the post the dead one reserved.
/// </summary>
public sealed class PostDailyQuestionJob(DailyQuestions daily) : IJob
{
    public static readonly JobKey Key = new("post-daily-question", StudySchedule.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await daily.PostAsync(JobData.Read(context, JobData.ChannelId), scheduled: true, cancellationToken, recovering: context.Recovering);
}
