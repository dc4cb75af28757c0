namespace StudyBot.Adapters.Common;

/// <summary>
/// At most N requests in any window as a chat platform counts them: Discord's global limit, Slack's
/// workspace limit on chat.postMessage. N may change while requests wait (<see cref="Permits"/>): in a
/// cluster each node gets its share of the platform's limit, and the shares move when a node joins or dies.
/// </summary>
/// <remarks>
/// A platform counts a request when it arrives, somewhere between our send and its answer. So a request
/// holds its permit from just before the send until one window (and a timer margin) after the answer: however the network
/// shifts the timing, no window at the platform sees more than N of ours. That is a count of permits
/// in use, handed out oldest waiter first. It is written here rather than taken from
/// System.Threading.RateLimiting because a ConcurrencyLimiter's permit count is fixed: lowering it means
/// withholding permits by queuing acquisitions, and a withheld permit queued behind 500 waiters takes
/// effect only after all of them have been sent, seconds too late. Here a lower N holds back the very
/// next grant. The delayed return runs on a timer, never on the caller's thread.
/// </remarks>
public sealed class RequestWindowLimit : IDisposable
{
    /// <summary>A timer may fire a little early; without this, a 1,000-channel Discord fan-out drew 44 global 429s.</summary>
    private static readonly TimeSpan TimerMargin = TimeSpan.FromMilliseconds(10);

    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource<IDisposable>> _waiters = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly CancellationToken _disposingToken;
    private int _permits;
    private int _inUse;
    private bool _disposed;

    public RequestWindowLimit(int permits, TimeSpan window, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        _permits = permits;
        _window = window;
        _clock = clock;
        _disposingToken = _disposing.Token;
    }

    /// <summary>
    /// Requests allowed per window. Raising it lets waiters through at once; lowering it holds back new
    /// sends until enough permits in use have come back.
    /// </summary>
    public int Permits
    {
        get
        {
            lock (_gate) return _permits;
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            lock (_gate)
            {
                _permits = value;
                GrantWhilePossible();
            }
        }
    }

    /// <summary>Permits held now: by requests in flight and by those answered within the last window.</summary>
    public int InUse
    {
        get
        {
            lock (_gate) return _inUse;
        }
    }

    /// <summary>
    /// Waits for a permit to send one request. Dispose the returned turn once the platform has answered
    /// (or the request failed); the permit comes back one window later.
    /// </summary>
    public Task<IDisposable> WaitTurnAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource<IDisposable>> node;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_waiters.Count == 0 && _inUse < _permits)
            {
                _inUse++;
                return Task.FromResult<IDisposable>(new Turn(this));
            }
            node = _waiters.AddLast(new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        if (cancellationToken.CanBeCanceled) CancelOnToken(node, cancellationToken);
        return node.Value.Task;
    }

    private void CancelOnToken(LinkedListNode<TaskCompletionSource<IDisposable>> node, CancellationToken cancellationToken)
    {
        var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                // Granted meanwhile: the turn is the caller's, who returns it as usual.
                if (node.List is null) return;
                _waiters.Remove(node);
            }
            node.Value.TrySetCanceled(cancellationToken);
        });
        node.Value.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Called with the lock held.</summary>
    private void GrantWhilePossible()
    {
        while (_inUse < _permits && _waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            _inUse++;
            first.Value.TrySetResult(new Turn(this));
        }
    }

    private async Task ReturnLaterAsync()
    {
        try
        {
            await Task.Delay(_window + TimerMargin, _clock, _disposingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: nothing more will be sent, so the permit need not wait.
        }
        lock (_gate)
        {
            _inUse--;
            GrantWhilePossible();
        }
    }

    /// <summary>Stops the pending returns and fails whoever still waits for a permit.</summary>
    public void Dispose()
    {
        List<TaskCompletionSource<IDisposable>> waiting;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            waiting = [.. _waiters];
            _waiters.Clear();
        }
        _disposing.Cancel();
        var stopping = new ObjectDisposedException(nameof(RequestWindowLimit), "StudyBot is stopping; the request was not sent.");
        foreach (var waiter in waiting) waiter.TrySetException(stopping);
    }

    private sealed class Turn(RequestWindowLimit limit) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) _ = limit.ReturnLaterAsync();
        }
    }
}
