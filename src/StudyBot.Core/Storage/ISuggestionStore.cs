using StudyBot.Core.Chat;
using StudyBot.Core.Suggestions;

namespace StudyBot.Core.Storage;

/// <summary>
/// Member-written questions (<c>/suggest</c>) and their review queue, per channel. A suggestion is
/// decided once: <see cref="DecideAsync"/> is a conditional update, so of two admins approving at the
/// same moment one decides and the other is told who did.
/// </summary>
public interface ISuggestionStore
{
    /// <summary>Adds a pending suggestion and returns its id.</summary>
    Task<long> AddAsync(NewSuggestion suggestion, CancellationToken cancellationToken);

    Task<Suggestion?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The channel's suggestions in one status, oldest first.</summary>
    Task<IReadOnlyList<Suggestion>> ListAsync(long channelId, SuggestionStatus status, CancellationToken cancellationToken);

    /// <summary>Every channel's approved suggestions, by channel then id: the pools read at start.</summary>
    Task<IReadOnlyList<Suggestion>> ListApprovedAsync(CancellationToken cancellationToken);

    /// <summary>Replaces what a pending suggestion says; false when it is no longer pending (decided meanwhile).</summary>
    Task<bool> EditPendingAsync(long id, SuggestionDraft draft, CancellationToken cancellationToken);

    /// <summary>
    /// Approves or rejects a pending suggestion. <see cref="SuggestionDecision.Decided"/> is false when it
    /// was not pending any more; <see cref="SuggestionDecision.Current"/> is then the decision that stands.
    /// </summary>
    Task<SuggestionDecision> DecideAsync(long id, SuggestionStatus decision, ChatUser reviewer, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Remembers the review message posted for the suggestion (reviewers channel id and message id) so a decision can update it.</summary>
    Task SetReviewMessageAsync(long id, string channelId, string messageId, CancellationToken cancellationToken);

    /// <summary>The platform channel id where the channel's suggestions are reviewed, or null for "ask with /study suggestions".</summary>
    Task<string?> ReviewersChannelAsync(long channelId, CancellationToken cancellationToken);

    Task SetReviewersChannelAsync(long channelId, string? reviewersChannelId, CancellationToken cancellationToken);
}

public enum SuggestionStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A suggestion as the member submitted it (already checked).</summary>
public sealed record NewSuggestion(long ChannelId, ChatUser Author, SuggestionDraft Draft, DateTimeOffset At);

/// <summary>A stored suggestion; <see cref="ReviewedBy"/> and <see cref="ReviewedAt"/> are set once it is decided.</summary>
public sealed record Suggestion(
    long Id,
    long ChannelId,
    ChatUser Author,
    SuggestionDraft Draft,
    SuggestionStatus Status,
    DateTimeOffset CreatedAt,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewChannelId,
    string? ReviewMessageId);

public sealed record SuggestionDecision(bool Decided, Suggestion? Current);
