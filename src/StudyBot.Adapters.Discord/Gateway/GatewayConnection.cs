using StudyBot.Adapters.Common;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Discord.Interactions;

namespace StudyBot.Adapters.Discord.Gateway;

/// <summary>
/// Runs one gateway connection from HELLO to its end and says what should happen next. Only parsing
/// and bookkeeping happen on the receive loop; interactions are queued for handlers elsewhere.
/// </summary>
public sealed class GatewayConnection(
    DiscordOptions options,
    GatewaySession session,
    InteractionQueue interactions,
    TimeProvider clock,
    Func<double> random,
    Action<string> onReady,
    ILogger logger)
{
    private const int NormalClosure = 1000;
    private const int ResumableClosure = 4000;

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
            await socket.ConnectAsync(WithVersion(url), cancellationToken);
            var first = await ReceiveFirstAsync(socket, cancellationToken);
            // Discord may refuse at once, before HELLO (a bad token is told with close 4004).
            if (first.IsClose) return Closed(first.CloseCode);
            if (HelloInterval(first) is not { } interval) return Retry("no HELLO from the gateway");

            heartbeater = new Heartbeater(
                (sequence, ct) => socket.SendAsync(GatewayPayloads.Heartbeat(sequence), isHeartbeat: true, ct),
                socket.Abort, session, interval, clock, random);
            heartbeats = heartbeater.RunAsync(connection.Token);
            var token = options.Token!;
            if (session.CanResume)
                await socket.SendAsync(GatewayPayloads.Resume(token, session.SessionId!, session.Sequence), false, cancellationToken);
            else
                await socket.SendAsync(GatewayPayloads.Identify(token, options.ShardId, options.ShardCount), false, cancellationToken);

            while (true)
            {
                var message = await socket.ReceiveAsync(cancellationToken);
                if (message.IsClose) return Closed(message.CloseCode);
                if (message.IsBinary || !GatewayFrame.TryParse(message.Text, out var frame))
                {
                    logger.LogWarning("Skipped a malformed gateway frame ({Bytes} bytes); the connection stays open.", message.Text.Length);
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
                        logger.LogDebug("Ignored gateway op {Op}.", frame.Op);
                        break;
                }
            }
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
                logger.LogInformation("Discord session resumed at sequence {Sequence}.", session.Sequence);
                break;
            case "INTERACTION_CREATE":
                if (!interactions.TryEnqueue(frame.Data, clock.GetTimestamp()))
                    logger.LogDebug("Skipped an interaction already handled (replayed after a resume) or without an id.");
                break;
            default:
                // Events StudyBot does not use (GUILD_CREATE, new event types Discord adds, ...).
                logger.LogTrace("Ignored dispatch {Event}.", frame.EventName);
                break;
        }
    }

    private void OnReady(JsonElement data)
    {
        if (data.Text("session_id") is not { Length: > 0 } sessionId
            || !Uri.TryCreate(data.Text("resume_gateway_url"), UriKind.Absolute, out var resumeUrl))
        {
            logger.LogWarning("READY without a session id or resume URL; the next drop will identify anew.");
            return;
        }
        session.Started(sessionId, resumeUrl);
        _healthy = true;
        logger.LogInformation("Connected to Discord as {User} (shard {Shard}/{Shards}).",
            data.Child("user")?.Text("username"), options.ShardId, options.ShardCount);
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
