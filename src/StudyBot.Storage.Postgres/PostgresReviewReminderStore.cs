using System.Globalization;
using Dapper;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>Review reminders on PostgreSQL: a round reads the due ones by the partial index on (next_send_at, user_id).</summary>
public sealed class PostgresReviewReminderStore(PostgresDatabase database) : IReviewReminderStore
{
    private const string Columns =
        "r.local_time AS LocalTime, r.time_zone AS TimeZone, r.language AS Language, r.enabled AS Enabled, " +
        "r.next_send_at AS NextSendAt, r.last_sent_date AS LastSentDate";

    public async Task<ReviewReminder?> FindAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReminderRow>(new CommandDefinition(
            $"SELECT {Columns} FROM review_reminders r WHERE r.user_id = @userId", new { userId }, cancellationToken: cancellationToken));
        return row?.ToReminder();
    }

    public async Task SaveAsync(long userId, ReviewReminder reminder, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO review_reminders (user_id, local_time, time_zone, language, enabled, next_send_at) " +
            "VALUES (@userId, @LocalTime, @TimeZone, @Language, @Enabled, @NextSendAt) " +
            "ON CONFLICT (user_id) DO UPDATE SET local_time = excluded.local_time, time_zone = excluded.time_zone, " +
            "language = excluded.language, enabled = excluded.enabled, next_send_at = excluded.next_send_at",
            new
            {
                userId,
                LocalTime = reminder.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
                TimeZone = reminder.TimeZoneId,
                Language = reminder.Language.Code(),
                reminder.Enabled,
                NextSendAt = Time.ToMs(reminder.NextSendAt),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> TurnOffAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE review_reminders SET enabled = false WHERE user_id = @userId AND enabled", new { userId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<DueReminder>> ListDueAsync(DateTimeOffset now, (DateTimeOffset NextSendAt, long UserId)? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Keyset paging on (next_send_at, user_id), the index's own order; the count per member is one
        // range of review_cards_due (user_id, due) WHERE NOT retired.
        var rows = await connection.QueryAsync<ReminderRow>(new CommandDefinition(
            $"SELECT r.user_id AS UserId, u.platform AS Platform, u.external_id AS PlatformUserId, {Columns}, " +
            "(SELECT COUNT(*) FROM review_cards c WHERE c.user_id = r.user_id AND NOT c.retired AND c.due <= @now) AS DueCards " +
            "FROM review_reminders r JOIN users u ON u.id = r.user_id " +
            "WHERE r.enabled AND r.next_send_at <= @now AND (r.next_send_at, r.user_id) > (@afterAt, @afterUser) " +
            "ORDER BY r.next_send_at, r.user_id LIMIT @limit",
            new
            {
                now = Time.ToMs(now),
                afterAt = after is { } a ? Time.ToMs(a.NextSendAt) : long.MinValue,
                afterUser = after?.UserId ?? long.MinValue,
                limit,
            },
            cancellationToken: cancellationToken));
        return rows.Select(row => new DueReminder(row.UserId, row.Platform, row.PlatformUserId, row.ToReminder(), (int)row.DueCards)).ToList();
    }

    public async Task AdvanceAsync(IReadOnlyList<ReminderAdvance> advances, CancellationToken cancellationToken)
    {
        if (advances.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A reminder turned off during the round keeps enabled = false: only its instants move.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE review_reminders SET next_send_at = @NextSendAt, last_sent_date = COALESCE(@SentDate, last_sent_date) WHERE user_id = @UserId",
            advances.Select(a => new
            {
                a.UserId,
                NextSendAt = Time.ToMs(a.NextSendAt),
                SentDate = a.SentDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed class ReminderRow
    {
        public long UserId { get; init; }
        public string Platform { get; init; } = "";
        public string PlatformUserId { get; init; } = "";
        public string LocalTime { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public string Language { get; init; } = "";
        public bool Enabled { get; init; }
        public long NextSendAt { get; init; }
        public string? LastSentDate { get; init; }
        public long DueCards { get; init; }

        public ReviewReminder ToReminder() => new(
            TimeOnly.ParseExact(LocalTime, "HH:mm", CultureInfo.InvariantCulture),
            TimeZone,
            Languages.TryParse(Language, out var language) ? language : Core.Content.Language.En,
            Enabled,
            Time.FromMs(NextSendAt),
            LastSentDate is null ? null : DateOnly.ParseExact(LastSentDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
