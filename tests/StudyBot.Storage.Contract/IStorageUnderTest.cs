using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Contract;

/// <summary>A fresh, empty set of one provider's stores, made for one test and disposed after it.</summary>
public interface IStorageUnderTest : IAsyncDisposable
{
    IChannelStore Channels { get; }

    IUserStore Users { get; }

    IPostStore Posts { get; }

    IStatsQueries Stats { get; }

    IPracticeStore Practice { get; }

    IReviewStore Reviews { get; }
    IReviewReminderStore Reminders { get; }

    IItemAnalysisQueries Items { get; }

    IChannelReportQueries Reports { get; }
    ISuggestionStore Suggestions { get; }
    IClusterLeases Leases { get; }

    /// <summary>
    /// A review card of the user for the question, due at <paramref name="due"/>, written as the provider's
    /// own row: the reminder contract needs cards before the card port exists in this branch.
    /// </summary>
    Task AddReviewCardAsync(long userId, string questionId, DateTimeOffset due, bool retired = false);

    /// <summary>
    /// The streak and points the store recorded with the user's answer to the post. The ports show
    /// only totals, so this reads the provider's own rows; it is how the contract checks scoring per answer.
    /// </summary>
    Task<(int Streak, int Points)> ScoredAsync(long postId, ChatUser user);
}
