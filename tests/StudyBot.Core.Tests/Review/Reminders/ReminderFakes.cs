using Microsoft.Extensions.Logging;
using StudyBot.Testing;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Tests.Review.Reminders;

/// <summary>
/// The reminder port in memory, with the semantics the storage contract checks on SQLite (order, paging,
/// turned-off rows kept off by an advance), so the round's rules are tested on a clock without a database.
/// </summary>
internal sealed class MemoryReminderStore : IReviewReminderStore
{
    private readonly Dictionary<long, ReviewReminder> _rows = [];

    public Dictionary<long, ChatUser> Users { get; } = [];

    /// <summary>Cards due per member (what the SQLite store counts over review_cards).</summary>
    public Dictionary<long, int> DueCards { get; } = [];

    public ReviewReminder? this[long userId] => _rows.GetValueOrDefault(userId);

    public Task<ReviewReminder?> FindAsync(long userId, CancellationToken cancellationToken) => Task.FromResult(this[userId]);

    public Task SaveAsync(long userId, ReviewReminder reminder, CancellationToken cancellationToken)
    {
        _rows[userId] = reminder with { LastSentDate = this[userId]?.LastSentDate };
        return Task.CompletedTask;
    }

    public Task<bool> TurnOffAsync(long userId, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            if (this[userId] is not { Enabled: true } on) return Task.FromResult(false);
            _rows[userId] = on with { Enabled = false };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<DueReminder>> ListDueAsync(DateTimeOffset now, (DateTimeOffset NextSendAt, long UserId)? after, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DueReminder>>(_rows
            .Where(r => r.Value.Enabled && r.Value.NextSendAt <= now)
            .Where(r => after is not { } a || r.Value.NextSendAt > a.NextSendAt || (r.Value.NextSendAt == a.NextSendAt && r.Key > a.UserId))
            .OrderBy(r => r.Value.NextSendAt).ThenBy(r => r.Key).Take(limit)
            .Select(r => new DueReminder(r.Key, Users[r.Key].Platform, Users[r.Key].UserId, r.Value, DueCards.GetValueOrDefault(r.Key)))
            .ToList());

    public Task AdvanceAsync(IReadOnlyList<ReminderAdvance> advances, CancellationToken cancellationToken)
    {
        foreach (var advance in advances)
            _rows[advance.UserId] = _rows[advance.UserId] with { NextSendAt = advance.NextSendAt, LastSentDate = advance.SentDate ?? _rows[advance.UserId].LastSentDate };
        return Task.CompletedTask;
    }
}

/// <summary>Users numbered in the order they are first seen; the store above learns who they are.</summary>
internal sealed class MemoryUserStore(MemoryReminderStore reminders) : IUserStore
{
    public Task<long> GetOrAddAsync(ChatUser user, CancellationToken cancellationToken)
    {
        var known = reminders.Users.FirstOrDefault(u => u.Value.Platform == user.Platform && u.Value.UserId == user.UserId);
        if (known.Value is not null) return Task.FromResult(known.Key);
        var id = reminders.Users.Count + 1L;
        reminders.Users[id] = user;
        return Task.FromResult(id);
    }
}

/// <summary>A chat platform whose direct messages throw while <see cref="Failing"/> is set.</summary>
internal sealed class FailingDirectMessages(RecordingChatPlatform inner) : IChatPlatform
{
    public bool Failing { get; set; } = true;

    public string Name => inner.Name;

    public Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken) => inner.PostAsync(channelId, message, cancellationToken);

    public Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken) => inner.EditAsync(channelId, messageId, message, cancellationToken);

    public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken) =>
        Failing ? throw new HttpRequestException("502 Bad Gateway") : inner.SendDirectAsync(userId, message, cancellationToken);
}

internal sealed class LoggerOf<T>(ILogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
