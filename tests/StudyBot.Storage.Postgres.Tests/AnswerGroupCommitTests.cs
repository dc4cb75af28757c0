using Dapper;
using Npgsql;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Storage.Contract;

namespace StudyBot.Storage.Postgres.Tests;

/// <summary>
/// The group commit that writes concurrent answers in one transaction. Each test holds the post's
/// row FOR UPDATE from another connection: the writer's first batch waits on it, so the answers
/// sent next line up in one batch, which goes once the row is let go.
/// </summary>
public sealed class AnswerGroupCommitTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = StoreScenario.T0;
    private static readonly DateOnly Day = DateOnly.FromDateTime(T0.UtcDateTime);
    private PostgresStorage _storage = null!;
    private StoreScenario _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await PostgresStorage.CreateAsync();
        _store = new StoreScenario(_storage);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private PostgresAnswerCommit Writer => _storage.Database.Answers;

    private static NewAnswer Answer(Post post, string name, bool correct = true, DateTimeOffset? at = null, CardReview? review = null) =>
        new(post.Id, post.ChannelId, StoreScenario.User(name), "topic", correct ? "0" : "1", correct, at ?? T0.AddMinutes(1), review);

    /// <summary>
    /// Holds the post's row and sends one answer per drain of the writer (it commits that many
    /// batches at once); each drain takes one up and waits with it, so what comes next queues behind them.
    /// </summary>
    private async Task<(NpgsqlTransaction Lock, Task<AnswerOutcome[]> First)> OccupyWriterAsync(Post post)
    {
        var connection = await _storage.Database.OpenAsync(default);
        var held = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT id FROM posts WHERE id = @Id FOR UPDATE", post, held);
        var first = new List<Task<AnswerOutcome>>();
        for (var drain = 0; drain < Writer.MaxDrains; drain++)
        {
            first.Add(_storage.Posts.RecordAnswerAsync(Answer(post, $"first{drain}"), default));
            for (var i = 0; i < 200 && Writer.Queued > 0; i++) await Task.Delay(10);
            // Taken up while the drains before it still wait on the row: the batches are under way at once.
            Assert.Equal(0, Writer.Queued);
        }
        return (held, Task.WhenAll(first));
    }

    private static async Task ReleaseAsync(NpgsqlTransaction held)
    {
        var connection = held.Connection!;
        await held.RollbackAsync();
        await connection.DisposeAsync();
    }

    private async Task<int> QueuedAsync(int expected)
    {
        for (var i = 0; i < 200 && Writer.Queued < expected; i++) await Task.Delay(10);
        return Writer.Queued;
    }

    private async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = await _storage.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    [Fact]
    public async Task Answers_sent_together_share_one_transaction_and_a_second_answer_in_it_is_already_answered()
    {
        var post = await _store.PostAsync((await _store.ChannelAsync()).Id, Day, T0);
        var batchesBefore = Writer.CommittedBatches;
        var (held, first) = await OccupyWriterAsync(post);

        var queued = new[] { "bob", "carol", "bob", "dan", "bob" }.Select(name => _storage.Posts.RecordAnswerAsync(Answer(post, name), default)).ToList();
        Assert.Equal(5, await QueuedAsync(5));
        await ReleaseAsync(held);

        Assert.All(await first, outcome => Assert.Equal(AnswerOutcome.Recorded, outcome));
        Assert.Equal(
            [AnswerOutcome.Recorded, AnswerOutcome.Recorded, AnswerOutcome.AlreadyAnswered, AnswerOutcome.Recorded, AnswerOutcome.AlreadyAnswered],
            await Task.WhenAll(queued));
        Assert.Equal(Writer.MaxDrains + 1, Writer.CommittedBatches - batchesBefore);
        Assert.Equal(Writer.MaxDrains + 3, await CountAsync("SELECT COUNT(*) FROM answers WHERE post_id = @Id", post));
        Assert.Equal(Writer.MaxDrains + 3, await CountAsync("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task A_member_answering_two_posts_in_one_batch_gets_the_streak_of_answering_them_one_after_the_other()
    {
        var channel = await _store.ChannelAsync();
        var day0 = await _store.PostAsync(channel.Id, Day, T0, window: TimeSpan.FromDays(2));
        var day1 = await _store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        var (held, first) = await OccupyWriterAsync(day0);

        var both = new[] { _storage.Posts.RecordAnswerAsync(Answer(day0, "ann", at: T0.AddDays(1).AddMinutes(1)), default),
            _storage.Posts.RecordAnswerAsync(Answer(day1, "ann", at: T0.AddDays(1).AddMinutes(2)), default) };
        Assert.Equal(2, await QueuedAsync(2));
        await ReleaseAsync(held);
        await first;

        Assert.All(await Task.WhenAll(both), outcome => Assert.Equal(AnswerOutcome.Recorded, outcome));
        Assert.Equal(1, (await _store.ScoredAsync(day0, "ann")).Streak);
        Assert.Equal(2, (await _store.ScoredAsync(day1, "ann")).Streak);
    }

    [Fact]
    public async Task An_answer_PostgreSQL_refuses_fails_alone_and_the_rest_of_its_batch_is_recorded()
    {
        var post = await _store.PostAsync((await _store.ChannelAsync()).Id, Day, T0);
        var (held, first) = await OccupyWriterAsync(post);

        var good = _storage.Posts.RecordAnswerAsync(Answer(post, "good"), default);
        // PostgreSQL text cannot hold a NUL character: the statement fails for the whole batch.
        var bad = _storage.Posts.RecordAnswerAsync(Answer(post, "bad") with { User = StoreScenario.User("bad") with { DisplayName = "nul\0name" } }, default);
        var alsoGood = _storage.Posts.RecordAnswerAsync(Answer(post, "also-good"), default);
        Assert.Equal(3, await QueuedAsync(3));
        await ReleaseAsync(held);
        await first;

        Assert.Equal(AnswerOutcome.Recorded, await good);
        Assert.Equal(AnswerOutcome.Recorded, await alsoGood);
        await Assert.ThrowsAsync<PostgresException>(() => bad);
        Assert.Equal(Writer.MaxDrains + 2, await CountAsync("SELECT COUNT(*) FROM answers WHERE post_id = @Id", post));
    }

    [Fact]
    public async Task Closed_and_unknown_posts_in_a_batch_refuse_only_their_own_answers()
    {
        var channel = await _store.ChannelAsync();
        var open = await _store.PostAsync(channel.Id, Day, T0);
        var closed = await _store.PostAsync(channel.Id, Day.AddDays(-1), T0.AddDays(-1));
        Assert.True(await _store.Posts.CloseAsync(closed.Id, T0, default));
        var (held, first) = await OccupyWriterAsync(open);

        var outcomes = new[]
        {
            _storage.Posts.RecordAnswerAsync(Answer(closed, "ann"), default),
            _storage.Posts.RecordAnswerAsync(Answer(open with { Id = open.Id + 1000 }, "bob"), default),
            _storage.Posts.RecordAnswerAsync(Answer(open, "cid"), default),
            _storage.Posts.RecordAnswerAsync(Answer(open, "dot", at: open.ClosesAt.AddMinutes(1)), default),
        };
        Assert.Equal(4, await QueuedAsync(4));
        await ReleaseAsync(held);
        await first;

        Assert.Equal([AnswerOutcome.Closed, AnswerOutcome.UnknownPost, AnswerOutcome.Recorded, AnswerOutcome.Closed], await Task.WhenAll(outcomes));
    }

    [Fact]
    public async Task Daily_answers_in_one_batch_write_each_recorded_members_card_once()
    {
        var post = await _store.PostAsync((await _store.ChannelAsync()).Id, Day, T0);
        var (held, first) = await OccupyWriterAsync(post);
        var review = new CardReview("pack", "q1", "topic", Rating.Good, ReviewSource.Daily, T0.AddMinutes(1), Reviewed);

        var outcomes = new[] { "ann", "bob", "ann" }.Select(name => _storage.Posts.RecordAnswerAsync(Answer(post, name, review: review), default)).ToList();
        Assert.Equal(3, await QueuedAsync(3));
        await ReleaseAsync(held);
        await first;

        Assert.Equal([AnswerOutcome.Recorded, AnswerOutcome.Recorded, AnswerOutcome.AlreadyAnswered], await Task.WhenAll(outcomes));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM review_cards WHERE question_id = 'q1' AND reps = 1"));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM review_log WHERE question_id = 'q1' AND source = 'daily' AND before_reps = 0"));
    }

    /// <summary>One review more, due a day later: enough to see the card written once per recorded answer.</summary>
    internal static MemoryCard Reviewed(MemoryCard before, Rating rating, DateTimeOffset at) =>
        before with { State = CardState.Review, Reps = before.Reps + 1, LastReview = at, Due = at.AddDays(1), Stability = 1, Difficulty = 5 };
}
