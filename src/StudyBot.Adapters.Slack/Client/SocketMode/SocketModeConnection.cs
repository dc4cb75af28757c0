using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. Its receive loop only parses frames and hands envelopes on; sends are
/// serialized. It stays usable after a <c>disconnect</c> notice, so envelopes still arriving on it are
/// acknowledged here until the replacement has said hello.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private const int MaxFrameBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket _socket;
    private readonly Action<SocketEnvelope> _onEnvelope;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<int> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ConnectionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private int _inFlight;
    private int _disposed;

    private SocketModeConnection(ClientWebSocket socket, int number, Action<SocketEnvelope> onEnvelope, ILogger logger)
    {
        _socket = socket;
        Number = number;
        _onEnvelope = onEnvelope;
        _logger = logger;
    }

    /// <summary>Counts connections in this process, for log lines.</summary>
    public int Number { get; }

    /// <summary>Completes with Slack's <c>num_connections</c> when the hello arrives; fails if the socket ends first.</summary>
    public Task<int> Hello => _hello.Task;

    /// <summary>Completes at the first disconnect notice, close or failure.</summary>
    public Task<ConnectionEnd> Ended => _ended.Task;

    public static async Task<SocketModeConnection> OpenAsync(
        Uri url, int number, SlackOptions options, Action<SocketEnvelope> onEnvelope, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        // The watchdog: our pings must be answered within PingTimeout or the socket is aborted and replaced.
        socket.Options.KeepAliveInterval = options.PingInterval;
        socket.Options.KeepAliveTimeout = options.PingTimeout;
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connection = new SocketModeConnection(socket, number, onEnvelope, logger);
        connection._receiving = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
        return connection;
    }

    public async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void EnvelopeReceived() => Interlocked.Increment(ref _inFlight);

    public void EnvelopeSettled() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Waits (at most <paramref name="maxWait"/>) until every envelope received here is acknowledged, then closes.</summary>
    public async Task CloseAfterDrainAsync(TimeSpan maxWait, TimeProvider clock)
    {
        var deadline = clock.GetUtcNow() + maxWait;
        while (Volatile.Read(ref _inFlight) > 0 && clock.GetUtcNow() < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(10), clock);
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (_socket.State == WebSocketState.Open || _socket.State == WebSocketState.CloseReceived)
        {
            // Slack may not finish the close handshake: give it a second, then abort.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
                await _receiving.WaitAsync(timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
            {
                // Aborted below.
            }
        }
        await _stop.CancelAsync();
        _socket.Abort();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var frame = new MemoryStream();
        try
        {
            while (true)
            {
                frame.SetLength(0);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        End(new ConnectionEnd(EndKind.Closed, $"closed by Slack ({_socket.CloseStatus} {_socket.CloseStatusDescription})".TrimEnd()));
                        return;
                    }
                    if (frame.Length + result.Count <= MaxFrameBytes) frame.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Text && frame.Length <= MaxFrameBytes)
                    OnFrame(frame.GetBuffer().AsMemory(0, (int)frame.Length));
                else
                    _logger.IgnoredBinaryOrHugeFrame(Number, MaxFrameBytes);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            End(new ConnectionEnd(EndKind.Closed, "closed by StudyBot"));
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            End(new ConnectionEnd(EndKind.Died, e.Message));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            await frame.DisposeAsync();
        }
    }

    private void OnFrame(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            // Seen in practice; nothing to answer and no reason to drop the connection.
            _logger.IgnoredNonJsonFrame(e, Number);
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                _logger.IgnoredNonObjectFrame(Number, root.ValueKind);
                return;
            }
            switch (SocketFrame.Parse(root))
            {
                case InboundEnvelope inbound:
                    _onEnvelope(new SocketEnvelope(this, inbound.EnvelopeId, inbound.Type, inbound.Payload,
                        inbound.AcceptsResponsePayload, inbound.RetryAttempt, inbound.RetryReason, _logger));
                    break;
                case HelloEnvelope hello:
                    _hello.TrySetResult(hello.NumConnections);
                    break;
                case DisconnectEnvelope disconnect:
                    End(ConnectionEnd.FromDisconnectReason(disconnect.Reason));
                    break;
                case OtherFrame other:
                    _logger.IgnoredMessageType(other.Type, Number);
                    break;
            }
        }
    }

    private void End(ConnectionEnd end)
    {
        _ended.TrySetResult(end);
        _hello.TrySetException(new SocketEndedException(end));
    }
}
