using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace StudyBot.Testing.Slack;

/// <summary>The server side of one Socket Mode connection in the fake Slack.</summary>
public sealed class FakeSocket(int number, WebSocket socket, Func<int> numConnections) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Number { get; } = number;

    /// <summary>Every JSON message the bot sent on this socket (acks).</summary>
    public Recorded<JsonElement> Received { get; } = new();

    /// <summary>When the first ack for each envelope id arrived (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public ConcurrentDictionary<string, long> FirstAckAt { get; } = new(StringComparer.Ordinal);

    /// <summary>Completes when the bot closes the socket or the connection drops.</summary>
    public Task Closed => _closed.Task;

    public bool ClosedByBot { get; private set; }

    public async Task SendAsync(string text)
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

    public Task SendHelloAsync() => SendAsync(SlackEnvelopes.Hello(numConnections()));

    public Task SendDisconnectAsync(string reason) => SendAsync(SlackEnvelopes.Disconnect(reason));

    /// <summary>The ack the bot sent for an envelope.</summary>
    public Task<JsonElement> AckAsync(string envelopeId, TimeSpan? timeout = null) =>
        Received.WaitForAsync(m => m.TryGetProperty("envelope_id", out var id) && id.GetString() == envelopeId, timeout, $"ack of {envelopeId} on socket {Number}");

    public int AckCount(string envelopeId) =>
        Received.Count(m => m.TryGetProperty("envelope_id", out var id) && id.GetString() == envelopeId);

    /// <summary>Serves the socket: hello (unless held), then read until the bot closes. A frozen socket never reads, so pings go unanswered.</summary>
    internal async Task RunAsync(bool sendHello, bool frozen, CancellationToken aborted)
    {
        try
        {
            if (sendHello) await SendHelloAsync();
            if (frozen)
            {
                await _release.Task.WaitAsync(aborted);
                return;
            }
            var buffer = new byte[64 * 1024];
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, aborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        ClosedByBot = true;
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);
                var received = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                if (received.TryGetProperty("envelope_id", out var id) && id.GetString() is { } envelopeId)
                    FirstAckAt.TryAdd(envelopeId, Stopwatch.GetTimestamp());
                Received.Add(received);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The connection dropped.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        socket.Abort();
        _release.TrySetResult();
    }

    public void Dispose() => _sendLock.Dispose();
}
