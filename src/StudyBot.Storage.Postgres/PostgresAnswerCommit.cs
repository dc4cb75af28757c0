using Npgsql;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// Group commit for answers on PostgreSQL: answers that arrive while a batch is being written wait
/// and go together in the next transaction (<see cref="AnswerBatch"/>), so a burst costs a few
/// hundred commits instead of one per answer. A caller hears back only after the transaction
/// holding its answer has committed. A deadlock with another node's batch retries the batch; a
/// data error in one answer writes the batch's answers one by one, so only that answer fails; an
/// outage fails the batch's answers with the error, and the next batch starts on a fresh connection.
/// Two batches go at once, each on a connection of its own, so one is read while the other waits
/// for its commit; they lock rows in the same order as batches on two nodes do, and a member in both
/// is settled by the same locks and unique key (the later batch sees the answer and says so).
/// </summary>
public sealed class PostgresAnswerCommit : GroupCommit<PostgresAnswerCommit.PendingAnswer>
{
    private const int Attempts = 3;

    private readonly NpgsqlDataSource _dataSource;
    private readonly KnownUsers _users;

    internal PostgresAnswerCommit(NpgsqlDataSource dataSource, KnownUsers users, int maxBatch = 512, int maxDrains = 2) : base(maxBatch, maxDrains)
    {
        _dataSource = dataSource;
        _users = users;
    }

    /// <summary>Records <paramref name="answer"/> in the next batch; its outcome once that batch has committed.</summary>
    public Task<AnswerOutcome> RecordAsync(NewAnswer answer, CancellationToken cancellationToken)
    {
        var pending = new PendingAnswer(answer, cancellationToken);
        Enqueue(pending);
        return pending.Result.Task;
    }

    protected override void Fail(PendingAnswer write, Exception error) => write.Result.Fail(error);

    /// <remarks>
    /// Synchronous, as SQLite's: it runs on the drain's own thread, so the batch's round trips never
    /// queue behind the clicks on a busy thread pool.
    /// </remarks>
    protected override Task<bool> CommitAsync(IReadOnlyList<PendingAnswer> batch)
    {
        // A caller that gave up before its batch started is left out; once written, an answer counts.
        var waiting = new List<PendingAnswer>(batch.Count);
        foreach (var pending in batch)
        {
            if (pending.Result.CancellationToken.IsCancellationRequested) pending.Result.Fail(new OperationCanceledException(pending.Result.CancellationToken));
            else waiting.Add(pending);
        }
        if (waiting.Count == 0) return Task.FromResult(true);
        try
        {
            CommitWithRetries(waiting);
        }
        catch (PostgresException e) when (waiting.Count > 1 && IsAboutOneAnswer(e))
        {
            foreach (var pending in waiting)
            {
                try
                {
                    CommitWithRetries([pending]);
                }
                catch (Exception single)
                {
                    pending.Result.Fail(single);
                }
            }
        }
        return Task.FromResult(true);
    }

    /// <summary>Errors in the values of an answer (a character PostgreSQL refuses, a broken constraint), not in the database.</summary>
    private static bool IsAboutOneAnswer(PostgresException error) => error.SqlState.StartsWith("22", StringComparison.Ordinal) || error.SqlState.StartsWith("23", StringComparison.Ordinal);

    private void CommitWithRetries(IReadOnlyList<PendingAnswer> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                CommitOnce(batch);
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < Attempts)
            {
                // Another node's batch locked the same rows in another order (a member twice in a batch): nothing was written, so again.
            }
        }
    }

    private void CommitOnce(IReadOnlyList<PendingAnswer> batch)
    {
        // Nobody's token: one caller giving up must not abort the others' transaction.
        using var connection = _dataSource.OpenConnection();
        AnswerOutcome[] outcomes;
        long[] userIds;
        try
        {
            (outcomes, userIds) = new AnswerBatch(batch.Select(p => p.Answer).ToList(), _users).Commit(connection);
        }
        catch
        {
            RollBack(connection);
            throw;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            _users.Remember(batch[i].Answer.User, userIds[i]);
            batch[i].Result.Succeed(outcomes[i]);
        }
    }

    /// <summary>Ends a transaction a failed batch left open, so the pooled connection goes back clean; a broken one is dropped by the pool.</summary>
    private static void RollBack(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open) return;
        try
        {
            using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            rollback.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The connection is gone with its transaction; the pool will not hand it out again.
        }
    }

    /// <summary>One caller's answer, waiting for its batch.</summary>
    public sealed class PendingAnswer
    {
        internal PendingAnswer(NewAnswer answer, CancellationToken cancellationToken)
        {
            Answer = answer;
            Result = new GroupedWriteResult<AnswerOutcome>(cancellationToken);
        }

        internal NewAnswer Answer { get; }
        internal GroupedWriteResult<AnswerOutcome> Result { get; }
    }
}
