using Dapper;
using Npgsql;
using StudyBot.Core.Storage;
using StudyBot.Storage.Contract;
using StudyBot.Testing.Postgres;

namespace StudyBot.Storage.Postgres.Tests;

/// <summary>The database going away under a running bot: on a server of this test's own, since it is stopped mid-run.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private PostgresStorage _storage = null!;
    private StoreScenario _store = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        _storage = await PostgresStorage.CreateAsync(_server);
        _store = new StoreScenario(_storage);
    }

    public async Task DisposeAsync()
    {
        await _storage.Database.DisposeAsync();
        await _server.DisposeAsync();
    }

    [PostgresFact(needsBinaries: true)]
    public async Task A_server_stopped_mid_run_fails_the_answer_loses_nothing_acknowledged_and_works_again_after_restart()
    {
        var channel = await _store.ChannelAsync();
        var post = await _store.PostAsync(channel.Id, DateOnly.FromDateTime(StoreScenario.T0.UtcDateTime), StoreScenario.T0);
        var acknowledged = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var name = $"before{i}";
            Assert.Equal(AnswerOutcome.Recorded, await _store.AnswerAsync(post, await _store.UserAsync(name), true, StoreScenario.T0.AddMinutes(1)));
            acknowledged.Add(name);
        }

        await _server.StopAsync(); // as a crash: no shutdown checkpoint
        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => _store.Posts.RecordAnswerAsync(
            new NewAnswer(post.Id, channel.Id, StoreScenario.User("late"), "topic", "0", true, StoreScenario.T0.AddMinutes(1)), default));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        // What the guarded stores turn into "try again in a moment" (DatabaseOutageTests drives it through the bot).
        Assert.True(PostgresOutages.IsOutage(error), error.ToString());
        Assert.False(PostgresOutages.IsOutage(new PostgresException("syntax error", "ERROR", "ERROR", "42601")));

        await _server.StartServerAsync();
        var afterRestart = new NewAnswer(post.Id, channel.Id, StoreScenario.User("after"), "topic", "0", true, StoreScenario.T0.AddMinutes(1));
        Assert.Equal(AnswerOutcome.Recorded, await _store.Posts.RecordAnswerAsync(afterRestart, default));

        await using var connection = await _storage.Database.OpenAsync(default);
        var stored = (await connection.QueryAsync<string>(
            "SELECT u.external_id FROM answers a JOIN users u ON u.id = a.user_id WHERE a.post_id = @Id ORDER BY u.external_id", post)).ToList();
        Assert.Equal(acknowledged.Append("after").Order(StringComparer.Ordinal), stored);
    }
}
