using Microsoft.Data.Sqlite;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// Group commit: the single writer for hot, small writes (answers, first-seen users). Writes that
/// arrive while a commit is under way wait and go together in the next transaction (see
/// <see cref="GroupCommit{TWrite}"/>), so a burst of 10,000 answers costs a few dozen fsyncs instead
/// of 10,000, with the same durability (WAL, synchronous=FULL). A caller's task completes only after
/// the transaction holding its write has committed; if the commit fails, every caller in that
/// transaction gets the error, and the next batch starts afresh.
/// </summary>
public sealed class SqliteGroupCommit(SqliteDatabase database, int maxBatch = 512) : GroupCommit<SqliteGroupCommit.PendingWrite>(maxBatch)
{
    // One connection and one set of prepared statements for as long as writes keep coming; only the drain touches it.
    private GroupWrite? _scope;

    /// <summary>
    /// Runs <paramref name="write"/> inside the next group transaction and returns its result once
    /// that transaction is committed. An exception from <paramref name="write"/> undoes only that
    /// write (a savepoint) and fails only this caller.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<GroupWrite, T> write, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(write, cancellationToken);
        Enqueue(pending);
        return pending.Task;
    }

    protected override void Fail(PendingWrite write, Exception error) => write.Fail(error);

    protected override void Release()
    {
        if (_scope is null) return;
        _scope.DisposeStatements();
        _scope.Connection.Dispose();
        _scope = null;
    }

    /// <remarks>Synchronous: it runs on the drain's own thread, where blocking on fsync holds no pool thread.</remarks>
    protected override Task<bool> CommitAsync(IReadOnlyList<PendingWrite> batch)
    {
        var written = new List<PendingWrite>(batch.Count);
        try
        {
            var scope = _scope ??= new GroupWrite(database.Open());
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
            return Task.FromResult(false);
        }
        foreach (var pending in written) pending.Complete();
        return Task.FromResult(true);
    }

    private const int SQLITE_CORRUPT = 11, SQLITE_FULL = 13, SQLITE_IOERR = 10, SQLITE_READONLY = 8;

    /// <summary>One caller's write, waiting for its batch.</summary>
    public abstract class PendingWrite
    {
        internal abstract void Run(GroupWrite scope);
        internal abstract void Complete();
        internal abstract void Fail(Exception error);
    }

    private sealed class PendingWrite<T>(Func<GroupWrite, T> write, CancellationToken cancellationToken) : PendingWrite
    {
        private readonly GroupedWriteResult<T> _result = new(cancellationToken);
        private T _value = default!;

        public Task<T> Task => _result.Task;

        internal override void Run(GroupWrite scope)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _value = write(scope);
        }

        internal override void Complete() => _result.Succeed(_value);

        internal override void Fail(Exception error) => _result.Fail(error);
    }
}
