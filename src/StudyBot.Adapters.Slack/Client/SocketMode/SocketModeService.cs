using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Slack.Client.WebApi;

namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>
/// Keeps one live Socket Mode connection. On <c>warning</c>/<c>refresh_requested</c> it opens the next
/// connection and closes the old one only after the new one said hello and the old one's envelopes
/// are acknowledged (make-before-break). Dead sockets are replaced with capped backoff; fatal errors
/// (<c>link_disabled</c>, rejected tokens) stop the adapter through <see cref="AdapterStatus"/>.
/// </summary>
internal sealed class SocketModeService(
    SocketConnector connector,
    EnvelopeDispatcher dispatcher,
    SlackWebApi api,
    ReplyDelivery replies,
    [FromKeyedServices(SlackAdapterId.Value)] AdapterStatus status,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SocketModeService> logger) : BackgroundService
{
    private readonly SlackOptions _options = options.Value;
    private readonly List<SocketModeConnection> _open = [];
    private readonly Lock _gate = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        status.Started();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var hardStop = new CancellationTokenSource();
        var workers = dispatcher.RunAsync(hardStop.Token);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, status.Stopped);
        try
        {
            if (await SignInAsync(running.Token))
                await SuperviseAsync(running.Token);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            logger.FailedUnexpectedly(e);
            status.Fail($"Socket Mode stopped after an unexpected error ({e.GetType().Name}: {e.Message}).");
        }
        finally
        {
            // Finish the envelopes in hand while their sockets are still open, then close.
            dispatcher.Complete();
            hardStop.CancelAfter(_options.AckDeadline + TimeSpan.FromSeconds(2));
            await workers;
            await replies.DrainAsync(TimeSpan.FromSeconds(5));
            SocketModeConnection[] left;
            lock (_gate) left = [.. _open];
            await Task.WhenAll(left.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    /// <summary>auth.test with the bot token, so a rejected token fails at start with a message naming the setting.</summary>
    private async Task<bool> SignInAsync(CancellationToken cancellationToken)
    {
        try
        {
            var me = await api.CallFormAsync("auth.test", SlackToken.Bot, new Dictionary<string, string>(), cancellationToken);
            logger.SignedIn(me.Text("team"), me.Text("user"));
            return true;
        }
        catch (SlackApiException)
        {
            // Logged (or reported as fatal) by the Web API; a transient error should not keep Socket Mode down.
            return status.Failure is null;
        }
        catch (HttpRequestException e)
        {
            logger.SignInUnreachable(e, e.Message);
            return true;
        }
    }

    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(_options.ReconnectDelay, _options.MaxReconnectDelay, Random.Shared.NextDouble);
        SocketModeConnection? live = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketModeConnection next;
            try
            {
                (next, var numConnections) = await connector.ConnectAsync(cancellationToken);
                Track(next);
                OnHello(next, numConnections);
                status.Connected();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!ShouldRetry(e)) return;
                await Task.Delay(backoff.Next(), clock, cancellationToken);
                continue;
            }

            // Make-before-break: the previous connection closes only now that its successor said hello.
            if (live is not null) _ = RetireAsync(live);
            live = next;
            var liveSince = clock.GetUtcNow();

            var end = await live.Ended.WaitAsync(cancellationToken);
            if (clock.GetUtcNow() - liveSince > _options.MaxReconnectDelay) backoff.Reset();
            switch (end.Kind)
            {
                case EndKind.Refresh:
                    logger.RefreshRequested(live.Number, end.Detail);
                    backoff.Reset();
                    break;
                case EndKind.LinkDisabled:
                    status.Fail(LinkDisabledReason);
                    return;
                case EndKind.TooManyWebsockets:
                    logger.TooManyWebsockets();
                    status.Disconnected("too many Socket Mode connections");
                    _ = RetireAsync(live);
                    live = null;
                    await Task.Delay(backoff.Next(), clock, cancellationToken);
                    break;
                default:
                    logger.ConnectionEnded(live.Number, end.Kind, end.Detail);
                    status.Disconnected($"the Socket Mode connection ended ({end.Kind})");
                    _ = RetireAsync(live);
                    live = null;
                    await Task.Delay(backoff.Next(), clock, cancellationToken);
                    break;
            }
        }
    }

    private const string LinkDisabledReason =
        "Socket Mode is turned off for this Slack app (link_disabled). Turn it on under Settings > Socket Mode at api.slack.com/apps " +
        "(or recreate the app from deploy/slack-app-manifest.yaml), then restart StudyBot.";

    private bool ShouldRetry(Exception e)
    {
        switch (e)
        {
            case SocketEndedException { End.Kind: EndKind.LinkDisabled }:
                status.Fail(LinkDisabledReason);
                return false;
            case SocketEndedException { End.Kind: EndKind.TooManyWebsockets }:
                logger.TooManyWebsockets();
                return true;
            case SlackApiException:
                // The Web API logged the fix; a rejected app token has already stopped the adapter.
                return status.Failure is null;
            default:
                logger.ConnectFailed(e, e.Message);
                return true;
        }
    }

    private void OnHello(SocketModeConnection connection, int numConnections)
    {
        int ours;
        lock (_gate) ours = _open.Count;
        logger.ConnectionLive(connection.Number, numConnections);
        if (numConnections > ours)
            logger.ForeignConnections(numConnections, ours);
    }

    private void Track(SocketModeConnection connection)
    {
        lock (_gate) _open.Add(connection);
    }

    private async Task RetireAsync(SocketModeConnection connection)
    {
        await connection.CloseAfterDrainAsync(_options.AckDeadline + TimeSpan.FromSeconds(1), clock);
        lock (_gate) _open.Remove(connection);
        logger.ConnectionClosed(connection.Number);
    }
}
