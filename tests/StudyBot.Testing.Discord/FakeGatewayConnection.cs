using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace StudyBot.Testing.Discord;

/// <summary>
/// The server side of one gateway WebSocket. Tests script it: send HELLO, expect IDENTIFY, send
/// dispatches, close with a code. Heartbeats are recorded and ACKed automatically unless
/// <see cref="AutoAck"/> is off (to make the connection a zombie).
/// </summary>
public sealed class FakeGatewayConnection(WebSocket socket, string path, FakeShards? shards = null) : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<(long At, JsonElement Frame)> _heartbeats = Channel.CreateUnbounded<(long, JsonElement)>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path => path;

    public bool AutoAck { get; set; } = true;

    /// <summary>The close code the client sent (null: none, the connection was dropped).</summary>
    public Task<int?> Closed => _closed.Task;

    private int? _shard;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        try
        {
            await ReceiveAsync(buffer, cancellationToken);
        }
        finally
        {
            if (_shard is { } shard) shards?.Closed(shard);
        }
    }

    private async Task ReceiveAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult((int?)result.CloseStatus);
                        if (socket.State == WebSocketState.CloseReceived)
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);
                var frame = JsonDocument.Parse(message.ToArray()).RootElement;
                if (frame.GetProperty("op").GetInt32() == 1)
                {
                    _heartbeats.Writer.TryWrite((Stopwatch.GetTimestamp(), frame));
                    if (AutoAck) await SendAsync(new JsonObject { ["op"] = 11 });
                }
                else
                {
                    if (frame.GetProperty("op").GetInt32() == 2 && shards is not null) _shard = shards.Identified(frame);
                    _frames.Writer.TryWrite(frame);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            _closed.TrySetResult(null);
        }
    }

    public async Task SendTextAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendAsync(JsonNode frame) => SendTextAsync(frame.ToJsonString());

    public Task HelloAsync(int heartbeatIntervalMs = 45_000) =>
        SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = heartbeatIntervalMs }, ["s"] = null, ["t"] = null });

    public Task DispatchAsync(string name, long sequence, JsonNode data) =>
        SendAsync(new JsonObject { ["op"] = 0, ["s"] = sequence, ["t"] = name, ["d"] = data });

    public Task ReadyAsync(long sequence = 1, string sessionId = "session-1", string? resumeUrl = null, string applicationId = "app-1") =>
        DispatchAsync("READY", sequence, new JsonObject
        {
            ["v"] = 10,
            ["session_id"] = sessionId,
            ["resume_gateway_url"] = resumeUrl,
            ["user"] = new JsonObject { ["id"] = "bot-1", ["username"] = "StudyBot", ["bot"] = true },
            ["application"] = new JsonObject { ["id"] = applicationId, ["flags"] = 0 },
            ["guilds"] = new JsonArray(new JsonObject { ["id"] = "guild-1", ["unavailable"] = true }),
        });

    public Task OpAsync(int op, JsonNode? data = null) => SendAsync(new JsonObject { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null });

    /// <summary>The next frame that is not a heartbeat; fails unless its op is <paramref name="op"/>.</summary>
    public async Task<JsonElement> ExpectAsync(int op, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        var frame = await _frames.Reader.ReadAsync(timeout.Token);
        var got = frame.GetProperty("op").GetInt32();
        // A plain exception, not an xunit assertion: this library is shared with the benchmarks.
        if (got != op) throw new InvalidOperationException($"expected gateway op {op}, got op {got}: {frame}");
        return frame;
    }

    /// <summary>True if the client sent a non-heartbeat frame within <paramref name="wait"/>.</summary>
    public async Task<bool> SendsAnythingWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await _frames.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task<(long At, JsonElement Frame)> NextHeartbeatAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        return await _heartbeats.Reader.ReadAsync(timeout.Token);
    }

    public async Task CloseAsync(int code)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();
}
