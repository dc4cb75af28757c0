using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Core.Review.Reminders;

/// <summary>
/// One round of review reminders, run every minute by one scheduled job: every reminder whose instant has
/// passed is sent (when the member has cards due) and moved to its next local day. Sends run a few at a
/// time, each through its platform's rate limiter, so 10,000 members due in one minute keep the limiter
/// busy without a trigger each.
/// </summary>
public sealed partial class ReviewReminderRound(
    IReviewReminderStore reminders,
    ChatPlatforms platforms,
    TimeProvider clock,
    ILogger<ReviewReminderRound> logger)
{
    /// <summary>Reminders read and advanced per page of the due index.</summary>
    public const int PageSize = 500;

    /// <summary>Sends in flight at once: enough to keep a rate limiter of ~50 requests a second full while each waits on the network.</summary>
    public const int SendsInFlight = 32;

    /// <summary>What a round did, for the job's log line and tests.</summary>
    public sealed record Outcome(int Sent, int NothingDue, int Unreachable, int Failed);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int sent = 0, nothingDue = 0, unreachable = 0, failed = 0;
        (DateTimeOffset, long)? after = null;
        while (true)
        {
            var page = await reminders.ListDueAsync(now, after, PageSize, cancellationToken);
            if (page.Count == 0) break;
            after = (page[^1].Reminder.NextSendAt, page[^1].UserId);

            var advances = new List<ReminderAdvance>(page.Count);
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = SendsInFlight, CancellationToken = cancellationToken },
                async (due, ct) =>
                {
                    var result = await SendAsync(due, now, ct);
                    lock (advances)
                    {
                        switch (result)
                        {
                            case Result.Sent: sent++; break;
                            case Result.NothingDue: nothingDue++; break;
                            case Result.Unreachable: unreachable++; break;
                            default: failed++; break;
                        }
                        if (Advance(due, now, result) is { } advance) advances.Add(advance);
                    }
                });
            await reminders.AdvanceAsync(advances, cancellationToken);
            if (page.Count < PageSize) break;
        }
        return new Outcome(sent, nothingDue, unreachable, failed);
    }

    private enum Result { Sent, NothingDue, Unreachable, Failed }

    private async Task<Result> SendAsync(DueReminder due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = TimeZones.FindOrUtc(due.Reminder.TimeZoneId);
        // Once a local day, even if the member moved the time after today's reminder went out.
        if (due.DueCards == 0 || due.Reminder.LastSentDate == TimeZones.LocalDate(now, zone)) return Result.NothingDue;
        // A member of a platform not running in this process waits for their day to come round again.
        if (!platforms.IsRunning(due.Platform)) return Result.NothingDue;
        try
        {
            var message = ReviewReminderMessage.Build(due.DueCards, due.Reminder.Language);
            var result = await platforms.Get(due.Platform).SendDirectAsync(due.PlatformUserId, message, cancellationToken);
            if (result == DirectMessageResult.Sent) return Result.Sent;
            // Turned off, so this member is neither messaged nor logged again until they opt in anew.
            await reminders.TurnOffAsync(due.UserId, cancellationToken);
            LogUnreachable(due.Platform, due.PlatformUserId);
            return Result.Unreachable;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(e, due.Platform, due.PlatformUserId);
            return Result.Failed;
        }
    }

    private static ReminderAdvance? Advance(DueReminder due, DateTimeOffset now, Result result)
    {
        var zone = TimeZones.FindOrUtc(due.Reminder.TimeZoneId);
        return result switch
        {
            // Left as it is: the next round tries again.
            Result.Failed => null,
            Result.Sent => new ReminderAdvance(due.UserId, ReminderTimes.Next(due.Reminder.LocalTime, zone, now, TimeZones.LocalDate(now, zone)), TimeZones.LocalDate(now, zone)),
            _ => new ReminderAdvance(due.UserId, ReminderTimes.Next(due.Reminder.LocalTime, zone, now, due.Reminder.LastSentDate), null),
        };
    }

    [LoggerMessage(1301, LogLevel.Information, "Review reminders turned off for {Platform} user {UserId}: the platform says they cannot be messaged.")]
    private partial void LogUnreachable(string platform, string userId);

    [LoggerMessage(1302, LogLevel.Warning, "A review reminder to {Platform} user {UserId} failed; the next round tries again.")]
    private partial void LogSendFailed(Exception exception, string platform, string userId);
}
