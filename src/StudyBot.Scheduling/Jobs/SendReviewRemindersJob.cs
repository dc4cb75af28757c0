using Microsoft.Extensions.Logging;
using Quartz;
using StudyBot.Core.Review.Reminders;

namespace StudyBot.Scheduling.Jobs;

/// <summary>
/// Sends every review reminder that is due, once a minute. One job and one trigger for all members: the
/// round reads who is due from the index on their next-send instant, so 100,000 opted-in members cost
/// no triggers. Not concurrent: a round still sending when the next minute comes would send twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SendReviewRemindersJob(ReviewReminderRound round, ILogger<SendReviewRemindersJob> logger) : IJob
{
    /// <summary>Its own group: the channel synchronizer prunes the studybot group down to channel triggers.</summary>
    public const string Group = "studybot-reminders";

    public static readonly JobKey Key = new("send-review-reminders", Group);
    public static readonly TriggerKey TriggerKey = new("every-minute", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var outcome = await round.RunAsync(cancellationToken);
        if (outcome.Sent + outcome.Unreachable + outcome.Failed > 0)
            LogRound(outcome.Sent, outcome.NothingDue, outcome.Unreachable, outcome.Failed);
    }

    [LoggerMessage(1310, LogLevel.Information, "Review reminders: {Sent} sent, {NothingDue} with nothing due, {Unreachable} unreachable (turned off), {Failed} failed (retried next minute).")]
    private partial void LogRound(int sent, int nothingDue, int unreachable, int failed);
}
