using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Cluster;

/// <summary>
/// This node's presence: it holds the lease <c>node:&lt;id&gt;</c>, renewed every
/// <see cref="ClusterOptions.RenewInterval"/>, and counts the live ones. The rate budgets that the
/// platforms set per bot or per workspace are divided by that count, so the nodes together keep to them;
/// when a node joins or dies the shares change within one lease duration.
/// </summary>
public sealed class ClusterPresence(
    IClusterLeases leases,
    IOptions<ClusterOptions> options,
    TimeProvider clock,
    ILogger<ClusterPresence> logger) : BackgroundService
{
    public const string NodePrefix = "node:";

    // Envelope ids and identify slots are one-off names: what expired this long ago is deleted.
    private static readonly TimeSpan KeepExpired = TimeSpan.FromHours(1);

    private readonly ClusterOptions _options = options.Value;
    private int _liveNodes = 1;

    public string NodeId => _options.NodeId;

    /// <summary>Live nodes, this one included (so at least 1), as of the last renewal.</summary>
    public int LiveNodes => Volatile.Read(ref _liveNodes);

    /// <summary>Raised with the new count when <see cref="LiveNodes"/> changes.</summary>
    public event Action<int>? LiveNodesChanged;

    /// <summary>This node's part of a budget set for the whole bot: total / live nodes, never less than 1.</summary>
    public int ShareOf(int total) => Math.Max(1, total / LiveNodes);

    /// <summary>
    /// Keeps <paramref name="apply"/> told of this node's share of <paramref name="total"/>: now, and each
    /// time the count of live nodes changes. Dispose the result to stop.
    /// </summary>
    public IDisposable FollowShareOf(int total, Action<int> apply)
    {
        void OnChange(int _) => apply(ShareOf(total));
        LiveNodesChanged += OnChange;
        apply(ShareOf(total));
        return new Unfollow(() => LiveNodesChanged -= OnChange);
    }

    private sealed class Unfollow(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }

    /// <summary>Takes the presence lease before the adapters start, so the first shares already count this node.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RenewAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leases.ReleaseAsync(NodePrefix + NodeId, NodeId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // It expires by itself; the others take back the share a little later.
            logger.ReleaseFailed(e.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RenewInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RenewAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: renew this node's lease and count the live nodes. A database error keeps the last count.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await leases.TryHoldAsync(NodePrefix + NodeId, NodeId, _options.LeaseDuration, now, cancellationToken);
            var live = Math.Max(1, await leases.CountLiveAsync(NodePrefix, now, cancellationToken));
            if (Interlocked.Exchange(ref _liveNodes, live) != live)
            {
                logger.LiveNodesChanged(live, NodeId);
                LiveNodesChanged?.Invoke(live);
            }
            await leases.DropExpiredAsync(now - KeepExpired, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.RenewFailed(e.Message, LiveNodes);
        }
    }
}

internal static partial class ClusterLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Live} live StudyBot node(s) share the rate budgets (this node: {NodeId})")]
    public static partial void LiveNodesChanged(this ILogger logger, int live, string nodeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew this node's cluster lease ({Reason}); keeping the last count of {Live} live node(s)")]
    public static partial void RenewFailed(this ILogger logger, string reason, int live);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release this node's cluster lease ({Reason}); it expires by itself")]
    public static partial void ReleaseFailed(this ILogger logger, string reason);
}
