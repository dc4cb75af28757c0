using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace StudyBot.Adapters.Slack.WebApi;

/// <summary>
/// Keeps chat.postMessage under <see cref="SlackOptions.WorkspaceMessagesPerSecond"/> across the whole
/// workspace, so 200 channels due in the same minute queue here instead of collecting 429s from Slack.
/// </summary>
/// <remarks>
/// Slack counts a request when it arrives, somewhere between our send and its answer. So a request holds
/// its permit from just before the send until a little over a second after the answer: whatever the
/// network does to the timing, no second at Slack sees more than N of ours. A concurrency limiter with
/// N permits is exactly that count; the delayed return runs on a timer, never on the caller's thread.
/// </remarks>
internal sealed class WorkspaceMessagePacer : IDisposable
{
    /// <summary>Slack's one-second window plus 10 ms, so timer resolution cannot squeeze an N+1th request into it.</summary>
    internal static readonly TimeSpan HoldAfterAnswer = TimeSpan.FromSeconds(1.01);

    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _disposing = new();
    private readonly CancellationToken _disposingToken;

    public WorkspaceMessagePacer(IOptions<SlackOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _disposingToken = _disposing.Token;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.WorkspaceMessagesPerSecond,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>
    /// Waits for a permit to send one chat.postMessage. Dispose the returned turn once Slack has answered
    /// (or the request failed); the permit comes back <see cref="HoldAfterAnswer"/> later.
    /// </summary>
    public async Task<IDisposable> WaitTurnAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired) return new Turn(this, lease);
        // The queue is unbounded, so only disposal at shutdown turns a waiter away.
        lease.Dispose();
        throw new ObjectDisposedException(nameof(WorkspaceMessagePacer), "StudyBot is stopping; the Slack message was not sent.");
    }

    private async Task ReturnLaterAsync(RateLimitLease lease)
    {
        try
        {
            await Task.Delay(HoldAfterAnswer, _clock, _disposingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: nothing more will be sent, so the permit need not wait.
        }
        finally
        {
            lease.Dispose();
        }
    }

    /// <summary>Stops the pending returns and fails whoever still waits for a permit.</summary>
    public void Dispose()
    {
        _disposing.Cancel();
        _limiter.Dispose();
        _disposing.Dispose();
    }

    private sealed class Turn(WorkspaceMessagePacer pacer, RateLimitLease lease) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) _ = pacer.ReturnLaterAsync(lease);
        }
    }
}
