using Quartz;
using StudyBot.Core.Study;

namespace StudyBot.Scheduling.Jobs;

/// <summary>Posts a channel's weekly leaderboard. One trigger per channel.</summary>
public sealed class PostLeaderboardJob(Leaderboards leaderboards) : IJob
{
    public static readonly JobKey Key = new("post-weekly-leaderboard", StudySchedule.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await leaderboards.PostWeeklyAsync(JobData.Read(context, JobData.ChannelId), cancellationToken);
}
