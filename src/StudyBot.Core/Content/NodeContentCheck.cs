using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Content;

/// <summary>
/// At start, refuses to join a cluster whose live nodes loaded other content (a click is graded by the node that
/// receives it, so two contents would grade one question two ways); then keeps this node's row fresh, and
/// removes it at a clean stop so a restart with new content is not refused by the node it replaces.
/// </summary>
public sealed class NodeContentCheck(INodeContentStore store, ContentCatalog catalog, string instanceId, TimeProvider clock, ILogger<NodeContentCheck> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>How often a node says it is alive; a node silent for <see cref="LiveWithin"/> counts as gone.</summary>
    public static readonly TimeSpan SeenEvery = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(30);

    private ITimer? _timer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var content = NodeContent.Of(catalog.Packs);
        var others = await store.JoinAsync(instanceId, content.Packs, LiveWithin, cancellationToken);
        if (others.Count > 0)
        {
            var differing = others.SelectMany(o => content.DifferingPacks(NodeContent.Parse(o.Packs))).Distinct().Order(StringComparer.Ordinal);
            throw new InvalidOperationException(
                $"this node's content differs from the running node(s) {string.Join(", ", others.Select(o => o.InstanceId))} in pack(s) {string.Join(", ", differing)} " +
                $"(StudyBot:Content:Path). Deploy the same content/ folder to every node, then restart the nodes.");
        }
        _timer = clock.CreateTimer(_ => _ = SeenAsync(), null, SeenEvery, SeenEvery);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is null) return;
        await _timer.DisposeAsync();
        _timer = null;
        try
        {
            await store.LeaveAsync(instanceId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The row then lapses after LiveWithin, which only delays a restart with other content.
            logger.LogWarning("Could not remove this node's content row at stop ({Reason}).", e.Message);
        }
    }

    private async Task SeenAsync()
    {
        try
        {
            await store.SeenAsync(instanceId, CancellationToken.None);
        }
        catch (StorageUnavailableException)
        {
            // StorageOutage has logged it; the next tick tries again.
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not refresh this node's content row ({Reason}).", e.Message);
        }
    }

    public ValueTask DisposeAsync() => _timer?.DisposeAsync() ?? ValueTask.CompletedTask;
}
