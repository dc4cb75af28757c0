using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using StudyBot.Adapters.Console;
using StudyBot.Core.Health;
using StudyBot.Testing;
using StudyBot.Testing.Postgres;

namespace StudyBot.Tests;

/// <summary>The whole bot on PostgreSQL while its server goes away and comes back: on a server of this test's own.</summary>
public sealed class DatabaseOutageTests : IDisposable
{
    private const string TryAgain = "The database is not reachable right now; try again in a moment.";

    private readonly TempDirectory _dir = new();
    private readonly ScriptedTerminal _terminal = new();

    public void Dispose()
    {
        _terminal.Dispose();
        _dir.Dispose();
    }

    [PostgresFact(needsBinaries: true)]
    public async Task While_the_database_is_down_commands_and_clicks_answer_try_again_and_work_again_when_it_is_back()
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync();
        EndToEndPack.WriteTo(_dir);
        var logs = new TestLogs();
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={_dir.File("content")}",
            "--StudyBot:Storage:Provider=postgres",
            $"--StudyBot:Storage:ConnectionString={connectionString}",
            "--StudyBot:Study:AnswerWindow=01:00:00",
        ]);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(new ConsoleTerminal(_terminal.Input, _terminal.OutputWriter));
        using var host = builder.Build();
        var run = host.RunAsync();
        var database = host.Services.GetServices<IReadinessProbe>().Single(p => p.Name == "database");

        _terminal.Type("/study setup 09:00 Asia/Seoul", "/study now");
        var at = await _terminal.WaitFor("[B. In one Availability Zone]");
        _terminal.Type("/as alice", "B");
        at = await _terminal.WaitFor("Your answer B is in.", at);

        await server.StopAsync();
        Assert.NotNull(await database.ProblemAsync(default));
        _terminal.Type("/as carol", "A");
        at = await _terminal.WaitFor(TryAgain, at);
        _terminal.Type("/leaderboard");
        at = await _terminal.WaitFor(TryAgain, at + 1);
        Assert.DoesNotContain("Your answer A is in.", _terminal.Text[at..], StringComparison.Ordinal);

        await server.StartServerAsync();
        Assert.Null(await database.ProblemAsync(default));
        _terminal.Type("/leaderboard");
        at = await _terminal.WaitFor("Leaderboard · week", at);
        _terminal.Type("/as bob", "A");
        await _terminal.WaitFor("Your answer A is in.", at);

        _terminal.EndInput();
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        // Alice's answer, acknowledged before the stop, is kept; carol's, refused, is not stored; bob's, after, is.
        await using var connection = new NpgsqlConnection(connectionString);
        var answered = await connection.QueryAsync<string>("SELECT u.external_id FROM answers a JOIN users u ON u.id = a.user_id ORDER BY 1");
        Assert.Equal(["alice", "bob"], answered);
        // One warning for the outage however many requests it refused, and one line when it ended.
        Assert.Equal(1, logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("The database is not reachable", StringComparison.Ordinal)));
        Assert.Equal(1, logs.Entries.Count(e => e.Message == "The database is reachable again."));
    }
}
