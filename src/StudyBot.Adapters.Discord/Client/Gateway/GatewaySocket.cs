using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>A received WebSocket message: a whole text frame, or the close the server sent.</summary>
internal sealed record SocketMessage(ReadOnlyMemory<byte> Text, bool IsClose, int? CloseCode, bool IsBinary = false);

/// <summary>
/// One gateway connection over a fresh <see cref="ClientWebSocket"/>: whole messages in (READY can
/// span many frames), one send at a time out, within the 120-per-minute send limit.
/// </summary>
internal sealed class GatewaySocket(GatewaySendLimiter limiter) : IAsyncDisposable
{
    /// <summary>Larger messages are not something StudyBot's intents produce; refuse to buffer them.</summary>
    public const int MaxMessageBytes = 8 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    public Task ConnectAsync(Uri url, CancellationToken cancellationToken) => _socket.ConnectAsync(url, cancellationToken);

    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>Reads one whole message. The returned memory is valid until the next call.</summary>
    public async Task<SocketMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.GetMemory(16 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return new SocketMessage(default, true, (int?)_socket.CloseStatus);
            _buffer.Advance(result.Count);
            if (_buffer.WrittenCount > MaxMessageBytes)
                throw new WebSocketException(WebSocketError.Faulted, $"A gateway message exceeded {MaxMessageBytes} bytes.");
            if (result.EndOfMessage)
                return new SocketMessage(_buffer.WrittenMemory, false, null, result.MessageType == WebSocketMessageType.Binary);
        }
    }

    public async Task SendAsync(string json, bool isHeartbeat, CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(isHeartbeat, cancellationToken);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Sends a close frame without waiting for the answer. Any code but 1000/1001 keeps the session
    /// resumable, which is what a reconnect wants.
    /// </summary>
    public async Task CloseAsync(int code, CancellationToken cancellationToken)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            await _sendLock.WaitAsync(cancellationToken);
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, "", cancellationToken);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _socket.Abort();
        }
    }

    /// <summary>Drops the connection at once (a zombie: no close handshake to wait for).</summary>
    public void Abort() => _socket.Abort();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _sendLock.Dispose();
        return ValueTask.CompletedTask;
    }
}
