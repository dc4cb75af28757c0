using Dapper;
using Microsoft.Data.Sqlite;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>
/// The single writer that commits concurrent answers together. Each test holds SQLite's write lock
/// from another connection to line writes up in one batch, then lets go.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private static readonly DateTimeOffset T0 = StoreFixture.T0;
    private static readonly DateOnly Day = DateOnly.FromDateTime(T0.UtcDateTime);
    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    private SqliteGroupCommit Writer => _store.Database.GroupCommit;

    /// <summary>Takes the write lock; the writer's next batch waits at BEGIN until this is disposed.</summary>
    private HeldWriteLock HoldWriteLock() => new(_store.Database.Open());

    private sealed class HeldWriteLock(SqliteConnection connection) : IDisposable
    {
        private readonly SqliteTransaction _transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE

        public void Dispose()
        {
            _transaction.Rollback();
            connection.Dispose();
        }
    }

    /// <summary>Starts a write that the writer picks up at once and then blocks on the held lock, so what comes next queues behind it.</summary>
    private async Task<Task<AnswerOutcome>> OccupyWriterAsync(Post post, long userId)
    {
        var first = _store.AnswerAsync(post, userId, correct: true, T0.AddMinutes(1));
        Assert.True(await Until(() => Writer.Queued == 0), "the writer never picked up the first write");
        return first;
    }

    private static async Task<bool> Until(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        return condition();
    }

    private int StoredAnswers(long postId)
    {
        using var connection = _store.Database.Open();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM answers WHERE post_id = @postId", new { postId });
    }

    [Fact]
    public async Task Duplicates_in_one_batch_record_the_first_and_report_the_rest_as_already_answered()
    {
        var post = await _store.PostAsync((await _store.ChannelAsync()).Id, Day, T0);
        var (first, bob) = (await _store.UserAsync("first"), await _store.UserAsync("bob"));
        var batchesBefore = Writer.CommittedBatches;

        Task<AnswerOutcome>[] duplicates;
        using (HoldWriteLock())
        {
            var occupying = await OccupyWriterAsync(post, first);
            duplicates = Enumerable.Range(0, 10).Select(i => _store.AnswerAsync(post, bob, correct: i % 2 == 0, T0.AddSeconds(i))).ToArray();
            Assert.Equal(10, Writer.Queued);
            Assert.False(occupying.IsCompleted);
        }
        var outcomes = await Task.WhenAll(duplicates);

        Assert.Equal(1, outcomes.Count(o => o == AnswerOutcome.Recorded));
        Assert.Equal(9, outcomes.Count(o => o == AnswerOutcome.AlreadyAnswered));
        Assert.Equal(AnswerOutcome.Recorded, outcomes[0]); // the first in line wins
        Assert.Equal(batchesBefore + 2, Writer.CommittedBatches); // the occupying write, then all ten together
        Assert.Equal(2, StoredAnswers(post.Id));
    }

    [Fact]
    public async Task A_batch_whose_commit_fails_fails_all_its_callers_stores_none_of_them_and_acknowledges_nothing_early()
    {
        var post = await _store.PostAsync((await _store.ChannelAsync()).Id, Day, T0);
        var users = new List<long>();
        foreach (var name in new[] { "ann", "ben", "cat", "dan" }) users.Add(await _store.UserAsync(name));

        Task<AnswerOutcome> occupying, ben, cat;
        Task<int> poison;
        using (HoldWriteLock())
        {
            occupying = await OccupyWriterAsync(post, users[0]);
            // Defers foreign keys to COMMIT, then breaks one: the statement succeeds, the commit cannot.
            poison = Writer.WriteAsync(write =>
            {
                write.Command("PRAGMA defer_foreign_keys = ON").ExecuteNonQuery();
                return write.Command("INSERT INTO practice_answers (user_id, question_id, topic_id, is_correct, answered_at) VALUES (424242, 'q', 't', 1, 0)").ExecuteNonQuery();
            }, default);
            ben = _store.AnswerAsync(post, users[1], correct: true, T0.AddMinutes(2));
            cat = _store.AnswerAsync(post, users[2], correct: true, T0.AddMinutes(3));
            await Task.Delay(200);
            Assert.False(poison.IsCompleted || ben.IsCompleted || cat.IsCompleted, "a write was answered before any commit");
        }

        Assert.Equal(AnswerOutcome.Recorded, await occupying);
        await Assert.ThrowsAsync<SqliteException>(() => poison);
        await Assert.ThrowsAsync<SqliteException>(() => ben);
        await Assert.ThrowsAsync<SqliteException>(() => cat);
        Assert.Equal(1, StoredAnswers(post.Id));

        // The next batch starts afresh.
        Assert.Equal(AnswerOutcome.Recorded, await _store.AnswerAsync(post, users[3], correct: true, T0.AddMinutes(4)));
        Assert.Equal(AnswerOutcome.Recorded, await _store.AnswerAsync(post, users[1], correct: true, T0.AddMinutes(5)));
        Assert.Equal(3, StoredAnswers(post.Id));
    }

    [Fact]
    public async Task A_write_that_throws_is_undone_and_fails_only_its_caller_while_its_batch_commits()
    {
        var post = await _store.PostAsync((await _store.ChannelAsync()).Id, Day, T0);
        var (ann, ben, cat) = (await _store.UserAsync("ann"), await _store.UserAsync("ben"), await _store.UserAsync("cat"));

        Task<AnswerOutcome> occupying, before, after;
        Task<int> failing;
        using (HoldWriteLock())
        {
            occupying = await OccupyWriterAsync(post, ann);
            before = _store.AnswerAsync(post, ben, correct: true, T0.AddMinutes(2));
            failing = Writer.WriteAsync<int>(write =>
            {
                write.Command("INSERT INTO users (platform, external_id, display_name) VALUES ('test', 'ghost', 'ghost')").ExecuteNonQuery();
                throw new InvalidOperationException("the write changed its mind");
            }, default);
            after = _store.AnswerAsync(post, cat, correct: true, T0.AddMinutes(3));
        }

        Assert.Equal([AnswerOutcome.Recorded, AnswerOutcome.Recorded, AnswerOutcome.Recorded], await Task.WhenAll(occupying, before, after));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        using var connection = _store.Database.Open();
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM users WHERE external_id = 'ghost'"));
        Assert.Equal(3, StoredAnswers(post.Id));
    }

    [Fact]
    public async Task A_cancelled_write_is_not_made_and_its_neighbours_are()
    {
        var post = await _store.PostAsync((await _store.ChannelAsync()).Id, Day, T0);
        var (ann, ben) = (await _store.UserAsync("ann"), await _store.UserAsync("ben"));
        using var cancel = new CancellationTokenSource();

        Task<AnswerOutcome> occupying, cancelled;
        using (HoldWriteLock())
        {
            occupying = await OccupyWriterAsync(post, ann);
            cancelled = _store.AnswerAsync(post, ben, correct: true, T0.AddMinutes(2), cancellationToken: cancel.Token);
            await cancel.CancelAsync();
        }

        Assert.Equal(AnswerOutcome.Recorded, await occupying);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, StoredAnswers(post.Id));
    }
}
