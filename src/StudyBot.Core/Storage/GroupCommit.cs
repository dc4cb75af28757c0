using StudyBot.Core.Health;

namespace StudyBot.Core.Storage;

/// <summary>
/// The queue and single drainer behind a storage provider's group commit: writes that arrive while
/// a batch is being committed wait and go together in the next one, so a burst of answers costs a
/// few dozen durable commits instead of one each. The provider says how a batch commits; this
/// class only lines writes up, and does no I/O itself.
/// </summary>
/// <typeparam name="TWrite">One caller's queued write, which the provider completes or fails.</typeparam>
/// <param name="maxBatch">Writes in one batch at most.</param>
/// <param name="maxDrains">
/// Batches committed at once, each by a drain of its own: 1 for a provider with a single writer
/// (SQLite), more where the database takes concurrent transactions and a batch mostly waits on
/// round trips and its commit's flush (PostgreSQL), so one batch is being read while another commits.
/// </param>
public abstract class GroupCommit<TWrite>(int maxBatch, int maxDrains = 1)
{
    private readonly Lock _gate = new();
    private readonly Queue<TWrite> _queue = new();
    private int _drains;
    private long _batches;

    /// <summary>Batches committed at once at most.</summary>
    public int MaxDrains => maxDrains;

    /// <summary>Batches committed so far (tests use it to see that writes were grouped).</summary>
    public long CommittedBatches => Interlocked.Read(ref _batches);

    /// <summary>Writes waiting for the next batch.</summary>
    public int Queued
    {
        get
        {
            lock (_gate) return _queue.Count;
        }
    }

    /// <summary>Queues <paramref name="write"/> for the next batch, starting a drain if fewer than <c>maxDrains</c> run.</summary>
    protected void Enqueue(TWrite write)
    {
        bool startDrain;
        lock (_gate)
        {
            _queue.Enqueue(write);
            startDrain = _drains < maxDrains;
            if (startDrain) _drains++;
        }
        // The drain starts on a thread of its own, not on the caller (a caller never waits on other
        // callers' work) and not on the thread pool: a provider whose commit blocks (SQLite's fsync)
        // would otherwise hold a pool thread, and on two cores that is half the pool.
        if (startDrain) _ = Task.Factory.StartNew(DrainAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>
    /// Commits <paramref name="batch"/> and completes or fails every write in it; false when the
    /// whole batch failed. An exception escaping here fails every write of the batch with it.
    /// </summary>
    protected abstract Task<bool> CommitAsync(IReadOnlyList<TWrite> batch);

    /// <summary>Fails one write that was queued but will not be committed.</summary>
    protected abstract void Fail(TWrite write, Exception error);

    /// <summary>The drain stopped (queue empty) or a batch failed: let go of what was kept open between batches.</summary>
    protected virtual void Release()
    {
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = TakeBatch();
            if (batch is null)
            {
                // Released before the drain ends, so a drain started after this one never finds its
                // connection closed under it.
                Release();
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        _drains--;
                        return;
                    }
                }
                continue;
            }
            bool committed;
            try
            {
                committed = await CommitAsync(batch);
            }
            catch (Exception e)
            {
                foreach (var write in batch) Fail(write, e);
                committed = false;
            }
            if (committed)
            {
                Interlocked.Increment(ref _batches);
                StudyMetrics.GroupCommitBatchSize.Record(batch.Length);
            }
            // After a failed batch, the next one starts afresh (a new connection).
            else Release();
        }
    }

    private TWrite[]? TakeBatch()
    {
        lock (_gate)
        {
            if (_queue.Count == 0) return null;
            var batch = new TWrite[Math.Min(_queue.Count, maxBatch)];
            for (var i = 0; i < batch.Length; i++) batch[i] = _queue.Dequeue();
            return batch;
        }
    }
}

/// <summary>
/// A queued write's answer to its caller: completed only once the batch holding it has committed.
/// Continuations run off the drain, so the next batch never waits on a caller.
/// </summary>
public sealed class GroupedWriteResult<T>(CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _done.Task;

    public CancellationToken CancellationToken => cancellationToken;

    public void Succeed(T result) => _done.TrySetResult(result);

    public void Fail(Exception error)
    {
        if (error is OperationCanceledException) _done.TrySetCanceled(cancellationToken);
        else _done.TrySetException(error);
    }
}
