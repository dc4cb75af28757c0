using Quartz;
using StudyBot.Core.Study;

namespace StudyBot.Scheduling.Jobs;

/// <summary>Closes a daily question and reveals its answer. One one-shot trigger per post.</summary>
public sealed class CloseQuestionJob(QuestionCloser closer) : IJob
{
    public static readonly JobKey Key = new("close-question", StudySchedule.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await closer.CloseAsync(JobData.Read(context, JobData.PostId), cancellationToken);
}
