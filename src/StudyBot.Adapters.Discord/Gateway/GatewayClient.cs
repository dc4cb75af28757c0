using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Discord.Interactions;
using StudyBot.Adapters.Discord.Rest;

namespace StudyBot.Adapters.Discord.Gateway;

/// <summary>
/// Keeps this shard connected: identify, resume after drops, reconnect with capped jittered
/// backoff, and stop — reporting a reason that names the setting — on a close code no retry can fix.
/// One loop does it all in order, so a disconnect and an identify can never race.
/// </summary>
public sealed class GatewayClient(
    DiscordApi api,
    InteractionQueue interactions,
    IOptions<DiscordOptions> options,
    [FromKeyedServices(DiscordPlatform.Id)] AdapterStatus status,
    TimeProvider clock,
    ILogger<GatewayClient> logger)
{
    private readonly TaskCompletionSource<string> _applicationId = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the application id from the first READY (command registration waits for it).</summary>
    public Task<string> ApplicationId => _applicationId.Task;

    /// <summary>Runs until <paramref name="cancellationToken"/> fires or a fatal error is reported to <see cref="AdapterStatus"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var session = new GatewaySession();
        var backoff = new ReconnectBackoff(settings.ReconnectBaseDelay, settings.ReconnectMaxDelay, Random.Shared.NextDouble);
        var budget = new IdentifyBudget(api.GetGatewayBotAsync, settings.IdentifySpacing, clock, logger);
        var connection = new GatewayConnection(settings, session, interactions, clock, Random.Shared.NextDouble,
            id => _applicationId.TrySetResult(id), logger);
        var failedResumes = 0;

        while (!cancellationToken.IsCancellationRequested)
        {
            Uri url;
            if (session.CanResume)
            {
                url = session.ResumeUrl!;
            }
            else
            {
                GatewayInfo info;
                try
                {
                    info = await budget.WaitForIdentifyAsync(cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or DiscordApiException
                                          || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    var wait = backoff.Next();
                    logger.LogWarning("Could not ask Discord for the gateway ({Error}); retrying in {Delay} (attempt {Attempt}).", e.Message, wait, backoff.Attempt);
                    await Task.Delay(wait, clock, cancellationToken);
                    continue;
                }
                url = settings.GatewayUrl ?? info.Url;
                if (info.RecommendedShards > settings.ShardCount)
                    logger.LogWarning("Discord recommends {Shards} shards; {Setting} is {Count}.", info.RecommendedShards, DiscordOptionsValidator.Setting(nameof(DiscordOptions.ShardCount)), settings.ShardCount);
            }

            var outcome = await connection.RunAsync(url, cancellationToken);
            if (cancellationToken.IsCancellationRequested) return;
            if (outcome.Next == NextStep.Stop)
            {
                status.Fail(outcome.Reason);
                return;
            }
            if (outcome.Next == NextStep.Identify) session.Reset();
            if (outcome.WasHealthy)
            {
                backoff.Reset();
                failedResumes = 0;
            }
            else if (session.CanResume && ++failedResumes >= 3)
            {
                // The resume URL keeps failing: start over on the main gateway rather than loop on it.
                logger.LogWarning("Resuming failed {Count} times in a row; identifying a new session.", failedResumes);
                session.Reset();
                failedResumes = 0;
            }

            var delay = outcome.Delay ?? backoff.Next();
            logger.LogWarning("Discord gateway connection ended: {Reason}. {Next} in {Delay} (attempt {Attempt}).",
                outcome.Reason, session.CanResume ? "Resuming" : "Identifying", delay, backoff.Attempt);
            await Task.Delay(delay, clock, cancellationToken);
        }
    }
}
