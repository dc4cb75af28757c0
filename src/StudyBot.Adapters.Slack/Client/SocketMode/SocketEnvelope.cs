using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>
/// One Socket Mode envelope, acknowledged exactly once on the connection that received it: by its
/// handler (with a reply payload for slash commands) or, if that takes too long, bare by the ack guard.
/// </summary>
internal sealed class SocketEnvelope(
    SocketModeConnection receivedOn,
    string envelopeId,
    string type,
    EnvelopePayload payload,
    bool acceptsResponsePayload,
    int retryAttempt,
    string? retryReason,
    ILogger logger)
{
    private int _acked;
    private ITimer? _guard;

    public string EnvelopeId { get; } = envelopeId;

    /// <summary><c>slash_commands</c>, <c>interactive</c> or <c>events_api</c>.</summary>
    public string Type { get; } = type;

    public EnvelopePayload Payload { get; } = payload;

    public bool AcceptsResponsePayload { get; } = acceptsResponsePayload;

    public int RetryAttempt { get; } = retryAttempt;

    /// <summary>Why Slack redelivered, e.g. <c>timeout</c>; null on the first delivery.</summary>
    public string? RetryReason { get; } = retryReason;

    public int ConnectionNumber => receivedOn.Number;

    public bool IsAcked => Volatile.Read(ref _acked) == 1;

    /// <summary>Acks bare after <paramref name="deadline"/> unless acked before, so Slack's 3 s limit holds however busy the handlers are.</summary>
    public void StartAckGuard(TimeSpan deadline, TimeProvider clock)
    {
        receivedOn.EnvelopeReceived();
        _guard = clock.CreateTimer(_ => _ = AckLateAsync(deadline), null, deadline, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gives the envelope up without an ack (shutting down): Slack delivers it again to another connection.</summary>
    public void Abandon()
    {
        if (Interlocked.Exchange(ref _acked, 1) == 1) return;
        _guard?.Dispose();
        receivedOn.EnvelopeSettled();
    }

    /// <summary>
    /// Acks the envelope unless it was acked already. Returns <c>true</c> when this call sent the ack and
    /// <paramref name="reply"/> (if any) travelled in it; otherwise the caller delivers the reply another way.
    /// </summary>
    public async Task<bool> TryAckAsync(JsonObject? reply, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _acked, 1) == 1) return false;
        _guard?.Dispose();
        try
        {
            var ack = new JsonObject { ["envelope_id"] = EnvelopeId };
            var carriesReply = reply is not null && AcceptsResponsePayload;
            if (carriesReply) ack["payload"] = reply;
            await receivedOn.SendAsync(ack.ToJsonString(), cancellationToken);
            return carriesReply || reply is null;
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            logger.AckFailed(e, Type, receivedOn.Number, e.Message);
            return false;
        }
        finally
        {
            receivedOn.EnvelopeSettled();
        }
    }

    private async Task AckLateAsync(TimeSpan deadline)
    {
        if (await TryAckAsync(null, CancellationToken.None))
            logger.AckedLate(Type, deadline.TotalSeconds);
    }
}
