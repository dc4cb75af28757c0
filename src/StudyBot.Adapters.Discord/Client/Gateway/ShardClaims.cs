using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Common;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Cluster;
using StudyBot.Core.Storage;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>
/// Divides the bot's shards between the nodes of a cluster through leases (<c>discord-shard:&lt;n&gt;</c>)
/// in the shared database: every renewal round this node renews the shards it runs and claims the free
/// ones, running one gateway connection per shard it holds. A node that dies stops renewing, and once its
/// leases expire the others claim and connect its shards. A node that cannot reach the database stops
/// its shards before their leases could expire, so no shard ever runs on two nodes. A single node claims
/// every shard; with more live nodes each claims at most its fair part (shards / live nodes, rounded up)
/// and hands back, one a round, what it holds beyond that, so a node that joins gets shards to run.
/// </summary>
internal sealed class ShardClaims(
    GatewayClient gateway,
    DiscordApi api,
    IClusterLeases leases,
    ClusterPresence cluster,
    IOptions<ClusterOptions> clusterOptions,
    IOptions<DiscordOptions> options,
    TimeProvider clock,
    ILogger<ShardClaims> logger)
{
    public const string Prefix = "discord-shard:";

    private readonly ClusterOptions _cluster = clusterOptions.Value;

    /// <summary>Runs until <paramref name="cancellationToken"/> fires; on the way out stops every shard and gives its lease up.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var count = await ShardCountAsync(cancellationToken);
        if (count is null) return;
        IReadOnlyList<GatewayShard> candidates = options.Value.ShardId is { } pinned
            ? [new GatewayShard(pinned, count.Value)]
            : Enumerable.Range(0, count.Value).Select(id => new GatewayShard(id, count.Value)).ToList();
        var running = new Dictionary<int, RunningShard>();
        using var timer = new PeriodicTimer(_cluster.RenewInterval, clock);
        try
        {
            do
            {
                await ClaimRoundAsync(candidates, running, cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var shard in running.Values) await StopAsync(shard, release: true);
        }
    }

    /// <summary>Which shards this node holds now: renewed, lost, or newly claimed.</summary>
    private async Task ClaimRoundAsync(IReadOnlyList<GatewayShard> candidates, Dictionary<int, RunningShard> running, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var fairPart = options.Value.ShardId is null ? (candidates.Count + cluster.LiveNodes - 1) / cluster.LiveNodes : 1;
        if (running.Count > fairPart && running.Values.MaxBy(r => r.Shard.Id) is { } surplus)
        {
            logger.ShardLost(surplus.Shard, $"handed back: {cluster.LiveNodes} live nodes share {candidates.Count} shards");
            running.Remove(surplus.Shard.Id);
            await StopAsync(surplus, release: true);
        }
        foreach (var shard in candidates)
        {
            if (!running.ContainsKey(shard.Id) && running.Count >= fairPart) continue;
            var held = await TryHoldAsync(shard, now, cancellationToken);
            if (running.TryGetValue(shard.Id, out var mine))
            {
                // A shard loop ends by itself only on a bug (thrown here) or a fatal close, which stops the adapter anyway.
                if (mine.Loop.IsFaulted) await mine.Loop;
                if (held == true)
                {
                    mine.RenewedAt = now;
                    continue;
                }
                var lost = held == false ? "another node holds its lease"
                    : now - mine.RenewedAt >= _cluster.LeaseDuration - _cluster.RenewInterval ? "its lease could not be renewed and is about to expire"
                    : null;
                if (lost is null) continue;
                logger.ShardLost(shard, lost);
                running.Remove(shard.Id);
                await StopAsync(mine, release: false);
            }
            else if (held == true)
            {
                logger.ShardClaimed(shard, cluster.NodeId);
                var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                running[shard.Id] = new RunningShard(shard, stop, gateway.RunAsync(shard, stop.Token)) { RenewedAt = now };
            }
        }
    }

    /// <summary>True: this node holds the shard's lease until the next round; false: another node does; null: the database did not answer.</summary>
    private async Task<bool?> TryHoldAsync(GatewayShard shard, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await leases.TryHoldAsync(Prefix + shard.Id, cluster.NodeId, _cluster.LeaseDuration, now, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.ShardLeasesUnavailable(e.Message);
            return null;
        }
    }

    private async Task StopAsync(RunningShard shard, bool release)
    {
        await shard.Stop.CancelAsync();
        try
        {
            await shard.Loop;
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            shard.Stop.Dispose();
        }
        if (!release) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(Prefix + shard.Shard.Id, cluster.NodeId, timeout.Token);
        }
        catch (Exception e)
        {
            // It expires by itself; another node takes the shard a little later.
            logger.ShardLeasesUnavailable(e.Message);
        }
    }

    /// <summary><see cref="DiscordOptions.ShardCount"/>, or Discord's recommendation for <c>auto</c>; null when stopped while asking.</summary>
    private async Task<int?> ShardCountAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.FixedShardCount is { } count) return count;
        var backoff = new ReconnectBackoff(settings.ReconnectBaseDelay, settings.ReconnectMaxDelay, Random.Shared.NextDouble);
        while (true)
        {
            try
            {
                var recommended = Math.Max(1, (await api.GetGatewayBotAsync(cancellationToken)).RecommendedShards);
                logger.ShardCountChosen(recommended, "recommended by Discord");
                return recommended;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception e) when (e is HttpRequestException or DiscordApiException or OperationCanceledException)
            {
                var wait = backoff.Next();
                logger.GatewayLookupFailed(e, e.Message, wait, backoff.Attempt);
                try
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }
    }

    private sealed class RunningShard(GatewayShard shard, CancellationTokenSource stop, Task loop)
    {
        public GatewayShard Shard => shard;
        public CancellationTokenSource Stop => stop;
        public Task Loop => loop;
        public DateTimeOffset RenewedAt { get; set; }
    }
}
