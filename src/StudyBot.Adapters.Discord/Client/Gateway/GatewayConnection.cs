using StudyBot.Adapters.Common;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>
/// Runs one gateway connection from HELLO to its end and says what should happen next. Only parsing
/// and bookkeeping happen on the receive loop; dispatches are published for readers elsewhere.
/// </summary>
internal sealed class GatewayConnection(
    DiscordOptions options,
    GatewayShard shard,
    GatewaySession session,
    ChannelWriter<GatewayDispatch> dispatches,
    TimeProvider clock,
    Func<double> random,
    Action<string> onReady,
    ILogger logger,
    Action? onLive = null,
    Func<CancellationToken, Task>? onIdentifySent = null)
{
    private const int NormalClosure = 1000;
    // Any code but 1000/1001 keeps the session resumable; 4000 is the gateway's own "unknown error".
    private const int ResumableClosure = (int)GatewayCloseCode.UnknownError;

    // Whether this connection reached READY or RESUMED: only then does the backoff start over.
    private bool _healthy;

    public async Task<ConnectionOutcome> RunAsync(Uri url, CancellationToken cancellationToken)
    {
        _healthy = false;
        await using var socket = new GatewaySocket(new GatewaySendLimiter(clock));
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Heartbeater? heartbeater = null;
        Task heartbeats = Task.CompletedTask;
        try
        {
            var (interval, refused) = await HandshakeAsync(socket, url, cancellationToken);
            if (refused is not null) return refused;

            heartbeater = new Heartbeater(
                (sequence, ct) => socket.SendAsync(GatewayPayloads.Heartbeat(sequence), isHeartbeat: true, ct),
                socket.Abort, session, interval, clock, random);
            heartbeats = heartbeater.RunAsync(connection.Token);
            await IdentifyOrResumeAsync(socket, cancellationToken);
            return await ReceiveAsync(socket, heartbeater, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (heartbeater?.IsZombie == true)
                return new ConnectionOutcome(NextStep.Resume, "no heartbeat ACK (zombie connection)", _healthy);
            return Retry($"connection lost: {e.Message}");
        }
        finally
        {
            await connection.CancelAsync();
            await heartbeats;
            if (cancellationToken.IsCancellationRequested) await socket.CloseAsync(NormalClosure, CancellationToken.None);
        }
    }

    /// <summary>Connects and waits for HELLO: its heartbeat interval, or the outcome when the gateway refused at once.</summary>
    private async Task<(TimeSpan Interval, ConnectionOutcome? Refused)> HandshakeAsync(GatewaySocket socket, Uri url, CancellationToken cancellationToken)
    {
        await socket.ConnectAsync(WithVersion(url), cancellationToken);
        var first = await ReceiveFirstAsync(socket, cancellationToken);
        // Discord may refuse at once, before HELLO (a bad token is told with close 4004).
        if (first.IsClose) return (default, Closed(first.CloseCode));
        if (HelloInterval(first) is not { } interval) return (default, Retry("no HELLO from the gateway"));
        return (interval, null);
    }

    private async Task IdentifyOrResumeAsync(GatewaySocket socket, CancellationToken cancellationToken)
    {
        var token = options.Token!;
        if (session.CanResume)
        {
            await socket.SendAsync(GatewayPayloads.Resume(token, session.SessionId!, session.Sequence), false, cancellationToken);
            return;
        }
        await socket.SendAsync(GatewayPayloads.Identify(token, shard.Id, shard.Count), false, cancellationToken);
        if (onIdentifySent is not null) await onIdentifySent(cancellationToken);
    }

    /// <summary>Reads frames until the connection ends; returns what should happen next.</summary>
    private async Task<ConnectionOutcome> ReceiveAsync(GatewaySocket socket, Heartbeater heartbeater, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync(cancellationToken);
            if (message.IsClose) return Closed(message.CloseCode);
            if (message.IsBinary || !GatewayFrame.TryParse(message.Text, out var frame))
            {
                logger.MalformedFrame(message.Text.Length);
                continue;
            }
            if (frame.Sequence is { } sequence) session.Saw(sequence);
            switch (frame.Op)
            {
                case GatewayOpCodes.Dispatch:
                    OnDispatch(frame);
                    break;
                case GatewayOpCodes.Heartbeat:
                    await heartbeater.BeatNowAsync(cancellationToken);
                    break;
                case GatewayOpCodes.HeartbeatAck:
                    heartbeater.Acknowledged();
                    break;
                case GatewayOpCodes.Reconnect:
                    await socket.CloseAsync(ResumableClosure, cancellationToken);
                    return new ConnectionOutcome(NextStep.Resume, "the gateway asked for a reconnect (op 7)", _healthy);
                case GatewayOpCodes.InvalidSession:
                    return await OnInvalidSessionAsync(socket, frame, cancellationToken);
                default:
                    logger.IgnoredOp(frame.Op);
                    break;
            }
        }
    }

    private ConnectionOutcome Retry(string reason) => new(NextStep.Resume, reason, _healthy);

    private ConnectionOutcome Closed(int? code)
    {
        var (next, reason) = CloseCodes.Decide(code);
        return new ConnectionOutcome(next, reason, _healthy);
    }

    private async Task<SocketMessage> ReceiveFirstAsync(GatewaySocket socket, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.HelloTimeout);
        return await socket.ReceiveAsync(timeout.Token);
    }

    private static TimeSpan? HelloInterval(SocketMessage message)
    {
        if (!GatewayFrame.TryParse(message.Text, out var frame) || frame.Op != GatewayOpCodes.Hello
            || frame.Data.ValueKind != JsonValueKind.Object
            || !frame.Data.TryGetProperty("heartbeat_interval", out var interval) || !interval.TryGetDouble(out var milliseconds) || milliseconds <= 0)
            return null;
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    private void OnDispatch(GatewayFrame frame)
    {
        switch (frame.EventName)
        {
            case "READY":
                OnReady(frame.Data);
                break;
            case "RESUMED":
                _healthy = true;
                onLive?.Invoke();
                logger.Resumed(session.Sequence);
                break;
            default:
                // INTERACTION_CREATE and whatever else Discord sends: the reader decides what it uses.
                // A DropOldest channel: TryWrite always succeeds, whichever shard writes.
                dispatches.TryWrite(new GatewayDispatch(frame.EventName, frame.Data, clock.GetTimestamp()));
                break;
        }
    }

    private void OnReady(JsonElement data)
    {
        if (data.Text("session_id") is not { Length: > 0 } sessionId
            || !Uri.TryCreate(data.Text("resume_gateway_url"), UriKind.Absolute, out var resumeUrl))
        {
            logger.ReadyWithoutSession();
            return;
        }
        session.Started(sessionId, resumeUrl);
        _healthy = true;
        onLive?.Invoke();
        logger.Connected(data.Child("user")?.Text("username"), shard.Id, shard.Count);
        if (data.Child("application")?.Text("id") is { Length: > 0 } applicationId)
            onReady(applicationId);
    }

    private async Task<ConnectionOutcome> OnInvalidSessionAsync(GatewaySocket socket, GatewayFrame frame, CancellationToken cancellationToken)
    {
        if (frame.Data.ValueKind == JsonValueKind.True && session.CanResume)
        {
            await socket.CloseAsync(ResumableClosure, cancellationToken);
            return new ConnectionOutcome(NextStep.Resume, "invalid session, resumable (op 9 true)", _healthy);
        }
        // The session is gone: close it for good and identify again after the 1–5 s Discord asks for.
        await socket.CloseAsync(NormalClosure, cancellationToken);
        session.Reset();
        var min = options.InvalidSessionMinDelay;
        var delay = min + (options.InvalidSessionMaxDelay - min) * random();
        return new ConnectionOutcome(NextStep.Identify, "invalid session (op 9 false)", _healthy, delay);
    }

    private static Uri WithVersion(Uri url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (builder.Path.Length == 0) builder.Path = "/";
        return builder.Uri;
    }
}
