using System.Threading.Channels;
using StudyBot.Adapters.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>
/// Takes envelopes off the receive loops (which never wait for the core), drops redeliveries (seen on
/// this node, or for envelopes that create things claimed by another node: <see cref="EnvelopeClaims"/>), and
/// runs the handlers on a few workers. Every envelope is acknowledged within the ack deadline, by its
/// handler or by its guard. When shutting down, envelopes arriving after <see cref="Complete"/> and
/// those the workers could not finish are left unacknowledged, so Slack delivers them again.
/// </summary>
internal sealed class EnvelopeDispatcher(
    IEnumerable<IEnvelopeHandler> handlers,
    EnvelopeClaims claims,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<EnvelopeDispatcher> logger)
{
    private readonly Dictionary<string, IEnvelopeHandler> _handlers = handlers.ToDictionary(h => h.EnvelopeType, StringComparer.Ordinal);
    private readonly Channel<SocketEnvelope> _queue = AdapterMetrics.TrackQueue(SlackAdapterId.Value,
        Channel.CreateUnbounded<SocketEnvelope>(new UnboundedChannelOptions { SingleReader = false }));
    private readonly RecentEnvelopeIds _seen = new(clock);
    private readonly SlackOptions _options = options.Value;

    /// <summary>Called on a receive loop: must not block.</summary>
    public void Accept(SocketEnvelope envelope)
    {
        envelope.StartAckGuard(_options.AckDeadline, clock);
        if (!_seen.TryAdd(envelope.EnvelopeId))
        {
            logger.Redelivered(envelope.Type, envelope.EnvelopeId, envelope.RetryAttempt);
            _ = envelope.TryAckAsync(null, CancellationToken.None);
            return;
        }
        if (!_queue.Writer.TryWrite(envelope))
            envelope.Abandon();
    }

    /// <summary>Runs the workers until <see cref="Complete"/> has been called and the queue is empty, or <paramref name="hardStop"/> fires.</summary>
    public Task RunAsync(CancellationToken hardStop) =>
        Task.WhenAll(Enumerable.Range(0, _options.MaxConcurrentEnvelopes).Select(_ => Task.Run(() => WorkAsync(hardStop), CancellationToken.None)));

    /// <summary>Stops taking envelopes; those already queued are still handled.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private async Task WorkAsync(CancellationToken hardStop)
    {
        try
        {
            await foreach (var envelope in _queue.Reader.ReadAllAsync(hardStop))
                await HandleAsync(envelope, hardStop);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            while (_queue.Reader.TryRead(out var left)) left.Abandon();
        }
    }

    private async Task HandleAsync(SocketEnvelope envelope, CancellationToken hardStop)
    {
        try
        {
            if (EnvelopeClaims.NeedsClaim(envelope) && !await claims.TryClaimAsync(envelope, hardStop))
            {
                logger.Redelivered(envelope.Type, envelope.EnvelopeId, envelope.RetryAttempt);
            }
            else if (_handlers.TryGetValue(envelope.Type, out var handler))
                await handler.HandleAsync(envelope, hardStop);
            else
                logger.UnusedEnvelope(envelope.Type);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            // Not acknowledged: the work may not be committed, so Slack should deliver it again.
            envelope.Abandon();
            return;
        }
        catch (Exception e)
        {
            logger.HandlerFailed(e, envelope.Type);
        }
        await envelope.TryAckAsync(null, CancellationToken.None);
    }
}
