using StudyBot.Core.Chat;

namespace StudyBot.Core.Storage;

/// <summary>Channels and their schedules.</summary>
public interface IChannelStore
{
    /// <summary>The channel's settings, adding a disabled channel with defaults on first sight.</summary>
    Task<ChannelSettings> GetOrAddAsync(ChannelAddress address, CancellationToken cancellationToken);

    Task<ChannelSettings?> FindAsync(long channelId, CancellationToken cancellationToken);

    Task UpdateAsync(ChannelSettings settings, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChannelSettings>> ListEnabledAsync(CancellationToken cancellationToken);
}
