using StudyBot.Core.Content;

namespace StudyBot.Core.Storage;

/// <summary>A member's review reminder: a direct message at <see cref="LocalTime"/> in <see cref="TimeZoneId"/>.</summary>
/// <param name="NextSendAt">The next instant the local time comes round (UTC), kept by the core.</param>
/// <param name="LastSentDate">The member's local date of the last reminder sent, or null.</param>
public sealed record ReviewReminder(TimeOnly LocalTime, string TimeZoneId, Language Language, bool Enabled,
    DateTimeOffset NextSendAt, DateOnly? LastSentDate);

/// <summary>A reminder whose next-send instant has passed, with who to message and how many cards are due for them.</summary>
public sealed record DueReminder(long UserId, string Platform, string PlatformUserId, ReviewReminder Reminder, int DueCards);

/// <summary>Where a due reminder moves after a round: its next instant, and the local date it was sent on (null: not sent).</summary>
public sealed record ReminderAdvance(long UserId, DateTimeOffset NextSendAt, DateOnly? SentDate);

/// <summary>Opt-in review reminders, found by their next-send instant so a round reads only the members due.</summary>
public interface IReviewReminderStore
{
    Task<ReviewReminder?> FindAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Stores the member's reminder (adding or replacing it). <see cref="ReviewReminder.LastSentDate"/> is kept as stored.</summary>
    Task SaveAsync(long userId, ReviewReminder reminder, CancellationToken cancellationToken);

    /// <summary>Turns the member's reminder off; false if they had none on.</summary>
    Task<bool> TurnOffAsync(long userId, CancellationToken cancellationToken);

    /// <summary>
    /// Enabled reminders with <see cref="ReviewReminder.NextSendAt"/> at or before <paramref name="now"/>, in
    /// (next send, user id) order after <paramref name="after"/> (null: from the start), at most <paramref name="limit"/>;
    /// <see cref="DueReminder.DueCards"/> counts the member's cards due at <paramref name="now"/> and not retired.
    /// </summary>
    Task<IReadOnlyList<DueReminder>> ListDueAsync(DateTimeOffset now, (DateTimeOffset NextSendAt, long UserId)? after, int limit, CancellationToken cancellationToken);

    /// <summary>Moves reminders on after a round, in one write; a reminder turned off meanwhile stays off.</summary>
    Task AdvanceAsync(IReadOnlyList<ReminderAdvance> advances, CancellationToken cancellationToken);
}
