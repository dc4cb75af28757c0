using StudyBot.Core.Chat;

namespace StudyBot.Core.Storage;

/// <summary>People who answered, keyed by platform and platform user id.</summary>
public interface IUserStore
{
    /// <summary>The user's id, adding the user (or refreshing the display name) as needed.</summary>
    Task<long> GetOrAddAsync(ChatUser user, CancellationToken cancellationToken);
}
