using System.Text.Json.Nodes;

namespace StudyBot.Adapters.Slack.Client.WebApi;

/// <summary>
/// Delivers a reply to a command or click that was not (or could not be) answered in the envelope's
/// ack: through the interaction's response_url, or chat.postEphemeral / chat.postMessage when there is
/// none or it failed. Delivery runs beside the envelope workers, so a slow response_url never delays
/// the next envelope's ack.
/// </summary>
internal sealed class ReplyDelivery(SlackWebApi api, ChannelPacer pacer, TimeProvider clock) : IDisposable
{
    private const int MaxConcurrentReplies = 64;

    private readonly SemaphoreSlim _slots = new(MaxConcurrentReplies);
    private readonly CancellationTokenSource _stopping = new();
    private int _pending;

    /// <summary>Starts delivering the reply and returns at once.</summary>
    /// <param name="payload">The response payload (Block Kit plus <c>response_type</c>) for response_url.</param>
    /// <param name="renderMessage">A fresh message body for the Web API fallback, rendered only if it is needed.</param>
    public void Send(string? responseUrl, string channelId, string userId, bool ephemeral, JsonObject payload, Func<JsonObject> renderMessage)
    {
        Interlocked.Increment(ref _pending);
        _ = SendAsync(responseUrl, channelId, userId, ephemeral, payload, renderMessage);
    }

    /// <summary>Waits (at most <paramref name="maxWait"/>) for replies still being delivered, then gives up on them.</summary>
    public async Task DrainAsync(TimeSpan maxWait)
    {
        var deadline = clock.GetUtcNow() + maxWait;
        while (Volatile.Read(ref _pending) > 0 && clock.GetUtcNow() < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(10), clock);
        await _stopping.CancelAsync();
    }

    public void Dispose()
    {
        _slots.Dispose();
        _stopping.Dispose();
    }

    private async Task SendAsync(string? responseUrl, string channelId, string userId, bool ephemeral, JsonObject payload, Func<JsonObject> renderMessage)
    {
        try
        {
            await _slots.WaitAsync(_stopping.Token);
            try
            {
                await DeliverAsync(responseUrl, channelId, userId, ephemeral, payload, renderMessage, _stopping.Token);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task DeliverAsync(string? responseUrl, string channelId, string userId, bool ephemeral, JsonObject payload, Func<JsonObject> renderMessage,
        CancellationToken cancellationToken)
    {
        try
        {
            if (!string.IsNullOrEmpty(responseUrl))
            {
                await api.PostToResponseUrlAsync(responseUrl, payload, cancellationToken);
                return;
            }
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            // Logged; fall through to the Web API.
        }

        var message = renderMessage();
        message["channel"] = channelId;
        try
        {
            if (ephemeral)
            {
                message["user"] = userId;
                await api.CallAsync("chat.postEphemeral", message, cancellationToken);
            }
            else
            {
                await pacer.WaitTurnAsync(channelId, cancellationToken);
                await api.CallAsync("chat.postMessage", message, cancellationToken);
            }
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            // Logged with its fix by the Web API (a network error is not: Slack is unreachable); nothing else can reach the user.
        }
    }
}
