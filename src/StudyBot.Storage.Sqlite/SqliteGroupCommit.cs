using Microsoft.Data.Sqlite;
using StudyBot.Core.Health;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// Group commit: the single writer for hot, small writes (answers, first-seen users). Writes that
/// arrive while a commit is under way wait and go together in the next transaction, so a burst of
/// 10,000 answers costs a few dozen fsyncs instead of 10,000, with the same durability
/// (WAL, synchronous=FULL). A caller's task completes only after the transaction holding its write
/// has committed; if the commit fails, every caller in that transaction gets the error, and the
/// next batch starts afresh.
/// </summary>
public sealed class SqliteGroupCommit(SqliteDatabase database, int maxBatch = 512)
{
    private readonly Lock _gate = new();
    private readonly Queue<PendingWrite> _queue = new();
    private bool _draining;
    private long _batches;

    /// <summary>Transactions committed so far (tests use it to see that writes were grouped).</summary>
    public long CommittedBatches => Interlocked.Read(ref _batches);

    /// <summary>Writes waiting for the next transaction.</summary>
    public int Queued
    {
        get
        {
            lock (_gate) return _queue.Count;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> inside the next group transaction and returns its result once
    /// that transaction is committed. An exception from <paramref name="write"/> undoes only that
    /// write (a savepoint) and fails only this caller.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<GroupWrite, T> write, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(write, cancellationToken);
        bool startDrain;
        lock (_gate)
        {
            _queue.Enqueue(pending);
            startDrain = !_draining;
            _draining = true;
        }
        // The drain runs on a thread of its own, not on the caller (a caller never waits on other
        // callers' work) and not on the thread pool: fsync blocks, and on two cores a blocked pool
        // thread is half the pool, which stalled every other click in a burst.
        if (startDrain) _ = Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return pending.Task;
    }

    private void Drain()
    {
        // One connection and one set of prepared statements for as long as writes keep coming.
        GroupWrite? scope = null;
        try
        {
            while (true)
            {
                PendingWrite[] batch;
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        _draining = false;
                        return;
                    }
                    batch = new PendingWrite[Math.Min(_queue.Count, maxBatch)];
                    for (var i = 0; i < batch.Length; i++) batch[i] = _queue.Dequeue();
                }
                if (!CommitBatch(ref scope, batch))
                {
                    // After a failed batch, start the next one on a fresh connection.
                    Close(scope);
                    scope = null;
                }
            }
        }
        finally
        {
            Close(scope);
        }
    }

    private static void Close(GroupWrite? scope)
    {
        if (scope is null) return;
        scope.DisposeStatements();
        scope.Connection.Dispose();
    }

    /// <returns>False when the whole batch failed.</returns>
    private bool CommitBatch(ref GroupWrite? scope, PendingWrite[] batch)
    {
        var written = new List<PendingWrite>(batch.Length);
        try
        {
            scope ??= new GroupWrite(database.Open());
            using var transaction = scope.Connection.BeginTransaction(); // BEGIN IMMEDIATE: the write lock for the whole batch
            scope.Transaction = transaction;
            var save = scope.Command("SAVEPOINT write");
            foreach (var pending in batch)
            {
                save.ExecuteNonQuery();
                try
                {
                    pending.Run(scope);
                    scope.Command("RELEASE write").ExecuteNonQuery();
                    written.Add(pending);
                }
                catch (Exception e) when (e is not SqliteException { SqliteErrorCode: SQLITE_FULL or SQLITE_IOERR or SQLITE_READONLY or SQLITE_CORRUPT })
                {
                    // Throws in turn if SQLite already rolled the whole transaction back: then the batch fails below.
                    scope.Command("ROLLBACK TO write").ExecuteNonQuery();
                    scope.Command("RELEASE write").ExecuteNonQuery();
                    pending.Fail(e);
                }
            }
            transaction.Commit();
        }
        catch (Exception e)
        {
            // Nothing in this batch is committed: no caller may be told otherwise.
            foreach (var pending in batch) pending.Fail(e);
            return false;
        }
        Interlocked.Increment(ref _batches);
        StudyMetrics.GroupCommitBatchSize.Record(batch.Length);
        foreach (var pending in written) pending.Complete();
        return true;
    }

    private const int SQLITE_CORRUPT = 11, SQLITE_FULL = 13, SQLITE_IOERR = 10, SQLITE_READONLY = 8;

    private abstract class PendingWrite
    {
        public abstract void Run(GroupWrite scope);
        public abstract void Complete();
        public abstract void Fail(Exception error);
    }

    private sealed class PendingWrite<T>(Func<GroupWrite, T> write, CancellationToken cancellationToken) : PendingWrite
    {
        // Continuations run off the writer's thread, so the next batch never waits on a caller.
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public override void Run(GroupWrite scope)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _result = write(scope);
        }

        public override void Complete() => _done.TrySetResult(_result);

        public override void Fail(Exception error)
        {
            if (error is OperationCanceledException) _done.TrySetCanceled(cancellationToken);
            else _done.TrySetException(error);
        }
    }
}
