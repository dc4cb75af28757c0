using Microsoft.Extensions.Options;
using StudyBot.Adapters.Common;
using StudyBot.Core.Cluster;

namespace StudyBot.Adapters.Slack.Client.WebApi;

/// <summary>
/// Keeps chat.postMessage under <see cref="SlackOptions.WorkspaceMessagesPerSecond"/> across the whole
/// workspace, so 200 channels due in the same minute queue here instead of collecting 429s from Slack.
/// The limit is the workspace's, whichever node posts: each node keeps to its share of it.
/// </summary>
internal sealed class WorkspaceMessagePacer : IDisposable
{
    private readonly RequestWindowLimit _limit;
    private readonly IDisposable _share;

    public WorkspaceMessagePacer(IOptions<SlackOptions> options, TimeProvider clock, ClusterPresence cluster)
    {
        var total = options.Value.WorkspaceMessagesPerSecond;
        _limit = new RequestWindowLimit(total, TimeSpan.FromSeconds(1), clock);
        _share = cluster.FollowShareOf(total, share => _limit.Permits = share);
    }

    /// <summary>Messages per second this node may post now.</summary>
    public int PerSecond => _limit.Permits;

    /// <inheritdoc cref="RequestWindowLimit.WaitTurnAsync"/>
    public Task<IDisposable> WaitTurnAsync(CancellationToken cancellationToken) => _limit.WaitTurnAsync(cancellationToken);

    public void Dispose()
    {
        _share.Dispose();
        _limit.Dispose();
    }
}
