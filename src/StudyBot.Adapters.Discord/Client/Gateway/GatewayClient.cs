using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Discord.Client.Rest;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>
/// Keeps a shard connected: identify, resume after drops, reconnect with capped jittered
/// backoff, and stop — reporting a reason that names the setting — on a close code no retry can fix.
/// One loop per shard does it all in order, so a disconnect and an identify can never race. The
/// dispatches of every shard this node runs go out on <see cref="Dispatches"/>.
/// </summary>
internal sealed class GatewayClient(
    DiscordApi api,
    IdentifySlots identifySlots,
    IOptions<DiscordOptions> options,
    [FromKeyedServices(DiscordAdapterId.Value)] AdapterStatus status,
    TimeProvider clock,
    ILogger<GatewayClient> logger)
{
    private readonly TaskCompletionSource<string> _applicationId = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<GatewayDispatch> _dispatches = AdapterMetrics.TrackQueue(DiscordAdapterId.Value, GatewayDispatches.Create());

    /// <summary>Completes with the application id from the first READY (command registration waits for it).</summary>
    public Task<string> ApplicationId => _applicationId.Task;

    /// <summary>Every dispatch but READY and RESUMED (which the client handles itself), in arrival order; one reader.</summary>
    public ChannelReader<GatewayDispatch> Dispatches => _dispatches.Reader;

    /// <summary>Runs <paramref name="shard"/> until <paramref name="cancellationToken"/> fires or a fatal error is reported to <see cref="AdapterStatus"/>.</summary>
    public async Task RunAsync(GatewayShard shard, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var run = new Run(
            shard,
            new GatewaySession(),
            new ReconnectBackoff(settings.ReconnectBaseDelay, settings.ReconnectMaxDelay, Random.Shared.NextDouble),
            new IdentifyBudget(api.GetGatewayBotAsync, (info, ct) => identifySlots.WaitAsync(shard, info.MaxConcurrency, ct), clock, logger));
        var connection = new GatewayConnection(settings, shard, run.Session, _dispatches.Writer, clock, Random.Shared.NextDouble,
            id => _applicationId.TrySetResult(id), logger, status.Connected,
            ct => identifySlots.SentAsync(shard, ct));

        while (!cancellationToken.IsCancellationRequested)
        {
            if (await GatewayUrlAsync(run, cancellationToken) is not { } url) continue;
            var outcome = await connection.RunAsync(url, cancellationToken);
            if (cancellationToken.IsCancellationRequested) return;
            if (outcome.Next == NextStep.Stop)
            {
                status.Fail(outcome.Reason);
                return;
            }
            status.Disconnected(outcome.Reason);
            await AfterConnectionAsync(run, outcome, cancellationToken);
        }
    }

    /// <summary>What one run of the loop carries from connection to connection.</summary>
    private sealed record Run(GatewayShard Shard, GatewaySession Session, ReconnectBackoff Backoff, IdentifyBudget Budget)
    {
        public int FailedResumes { get; set; }
    }

    /// <summary>Where to connect: the resume URL, or the gateway once the identify budget allows; null after a failed lookup (already waited out).</summary>
    private async Task<Uri?> GatewayUrlAsync(Run run, CancellationToken cancellationToken)
    {
        if (run.Session.CanResume) return run.Session.ResumeUrl!;
        var settings = options.Value;
        GatewayInfo info;
        try
        {
            info = await run.Budget.WaitForIdentifyAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or DiscordApiException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var wait = run.Backoff.Next();
            logger.GatewayLookupFailed(e, e.Message, wait, run.Backoff.Attempt);
            await Task.Delay(wait, clock, cancellationToken);
            return null;
        }
        if (info.RecommendedShards > run.Shard.Count)
            logger.MoreShardsRecommended(info.RecommendedShards, DiscordOptionsValidator.Setting(nameof(DiscordOptions.ShardCount)), run.Shard.Count);
        return settings.GatewayUrl ?? info.Url;
    }

    /// <summary>Decides between resume and identify after a connection ended, and waits before the next one.</summary>
    private async Task AfterConnectionAsync(Run run, ConnectionOutcome outcome, CancellationToken cancellationToken)
    {
        var session = run.Session;
        if (outcome.Next == NextStep.Identify) session.Reset();
        if (outcome.WasHealthy)
        {
            run.Backoff.Reset();
            run.FailedResumes = 0;
        }
        else if (session.CanResume && ++run.FailedResumes >= 3)
        {
            // The resume URL keeps failing: start over on the main gateway rather than loop on it.
            logger.ResumesKeepFailing(run.FailedResumes);
            session.Reset();
            run.FailedResumes = 0;
        }

        var delay = outcome.Delay ?? run.Backoff.Next();
        logger.ConnectionEnded(outcome.Reason, session.CanResume ? "Resuming" : "Identifying", delay, run.Backoff.Attempt);
        await Task.Delay(delay, clock, cancellationToken);
    }
}
