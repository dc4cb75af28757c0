namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// Bounds each attempt, body included, to <see cref="Timeout"/>. The HttpClient's own timeout would
/// also count the time spent waiting for rate limits and between retries, so it is switched off.
/// </summary>
internal sealed class AttemptTimeoutHandler : DelegatingHandler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(Timeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt.Token);
            // Buffered here so the handlers above see a complete answer and the rate limits count from it.
            await response.Content.LoadIntoBufferAsync(attempt.Token);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            // What HttpClient throws on its own timeout, so callers treat it the same way.
            throw new TaskCanceledException(
                $"Discord did not answer {DiscordRequest.RouteOf(request)} within {Timeout.TotalSeconds} s.", new TimeoutException(e.Message, e));
        }
    }
}
