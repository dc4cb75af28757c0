using System.Net.WebSockets;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>
/// Keeps one connection alive: the first heartbeat after interval × random (so reconnecting bots do
/// not beat in step), then one per interval. A heartbeat that falls due while the previous one is
/// still unacknowledged means a zombie connection: it is aborted so the client resumes.
/// </summary>
internal sealed class Heartbeater(
    Func<long?, CancellationToken, Task> sendHeartbeat,
    Action abortConnection,
    GatewaySession session,
    TimeSpan interval,
    TimeProvider clock,
    Func<double> random)
{
    private volatile bool _acknowledged = true;
    private volatile bool _zombie;

    /// <summary>True once the connection was aborted for a missed ACK.</summary>
    public bool IsZombie => _zombie;

    public void Acknowledged() => _acknowledged = true;

    /// <summary>The server asked for a heartbeat (op 1): send one now, outside the schedule.</summary>
    public Task BeatNowAsync(CancellationToken cancellationToken) => sendHeartbeat(session.Sequence, cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * random(), clock, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!_acknowledged)
                {
                    _zombie = true;
                    abortConnection();
                    return;
                }
                _acknowledged = false;
                await sendHeartbeat(session.Sequence, cancellationToken);
                await Task.Delay(interval, clock, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended; its receive loop decides what comes next.
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The socket closed under us; the receive loop sees the close too.
        }
    }
}
