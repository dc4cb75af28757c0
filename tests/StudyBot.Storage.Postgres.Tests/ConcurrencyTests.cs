using Dapper;
using StudyBot.Core.Storage;
using StudyBot.Storage.Contract;

namespace StudyBot.Storage.Postgres.Tests;

/// <summary>What SQLite gets from its single writer and PostgreSQL must get from row locks.</summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private PostgresStorage _storage = null!;
    private StoreScenario _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await PostgresStorage.CreateAsync();
        _store = new StoreScenario(_storage);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Every_answer_acknowledged_while_the_post_closes_is_on_the_all_time_board()
    {
        var channel = await _store.ChannelAsync();
        var post = await _store.PostAsync(channel.Id, DateOnly.FromDateTime(StoreScenario.T0.UtcDateTime), StoreScenario.T0);
        var users = new List<long>();
        for (var i = 0; i < 120; i++) users.Add(await _store.UserAsync($"member{i}"));

        // Answers keep arriving while another connection closes the post (as another node would).
        var answers = users.Select(id => Task.Run(() => _store.AnswerAsync(post, id, id % 2 == 0, StoreScenario.T0.AddMinutes(1)))).ToList();
        var close = Task.Run(async () =>
        {
            await Task.WhenAny(answers);
            return await _store.Posts.CloseAsync(post.Id, StoreScenario.T0.AddMinutes(2), default);
        });
        var outcomes = await Task.WhenAll(answers);
        Assert.True(await close);

        var recorded = outcomes.Count(o => o == AnswerOutcome.Recorded);
        Assert.Equal(users.Count, recorded + outcomes.Count(o => o == AnswerOutcome.Closed));
        var board = await _store.Stats.LeaderboardAsync(channel.Id, null, null, 1000, default);
        Assert.Equal(recorded, board.Sum(r => r.Answered));
        await using var connection = await _storage.Database.OpenAsync(default);
        Assert.Equal(recorded, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers WHERE post_id = @Id", post));
    }

    [Fact]
    public async Task A_double_click_from_two_nodes_records_one_answer()
    {
        var channel = await _store.ChannelAsync();
        var post = await _store.PostAsync(channel.Id, DateOnly.FromDateTime(StoreScenario.T0.UtcDateTime), StoreScenario.T0);
        await _store.UserAsync("alice");
        // A second node: its own stores and pool on the same database.
        await using var other = new PostgresDatabase(_storage.ConnectionString);
        var otherPosts = new PostgresPostStore(other);
        var answer = new NewAnswer(post.Id, channel.Id, StoreScenario.User("alice"), "topic", "0", true, StoreScenario.T0.AddMinutes(1));

        var outcomes = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(i => Task.Run(() => (i % 2 == 0 ? _storage.Posts : otherPosts).RecordAnswerAsync(answer, default))));

        Assert.Equal(1, outcomes.Count(o => o == AnswerOutcome.Recorded));
        Assert.All(outcomes.Where(o => o != AnswerOutcome.Recorded), o => Assert.Equal(AnswerOutcome.AlreadyAnswered, o));
        Assert.Equal((1, 10), await _store.ScoredAsync(post, "alice"));
    }
}
