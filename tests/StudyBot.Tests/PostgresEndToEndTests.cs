using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StudyBot.Adapters.Console;
using StudyBot.Testing;
using StudyBot.Testing.Postgres;

namespace StudyBot.Tests;

/// <summary>The whole bot on PostgreSQL, Quartz's clustered store included: the console day of ConsoleEndToEndTests, end to end.</summary>
public sealed class PostgresEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ScriptedTerminal _terminal = new();

    public void Dispose()
    {
        _terminal.Dispose();
        _dir.Dispose();
    }

    [PostgresFact]
    public async Task Setup_post_answers_reveal_and_leaderboard_on_postgres()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            EndToEndPack.WriteTo(_dir);
            var builder = StudyBotHost.CreateBuilder([
                $"--StudyBot:Content:Path={_dir.File("content")}",
                $"--StudyBot:Storage:DatabasePath={_dir.File("data/schedules.db")}",
                "--StudyBot:Storage:Provider=postgres",
                $"--StudyBot:Storage:ConnectionString={connectionString}",
                "--StudyBot:Study:AnswerWindow=00:00:05",
            ]);
            builder.Services.AddSingleton(new ConsoleTerminal(_terminal.Input, _terminal.OutputWriter));
            using var host = builder.Build();
            var run = host.RunAsync();

            _terminal.Type("/study setup 09:00 Asia/Seoul", "/study now");
            var at = await _terminal.WaitFor("[B. In one Availability Zone]");
            _terminal.Type("/as alice", "B", "/as bob", "A", "B");
            at = await _terminal.WaitFor("Your answer A is in.", at);
            at = await _terminal.WaitFor("You already answered this question", at);
            at = await _terminal.WaitFor("message 1 updated", at, timeoutSeconds: 40);
            Assert.Contains("Answered: 2", _terminal.Text[at..], StringComparison.Ordinal);
            _terminal.Type("/leaderboard");
            at = await _terminal.WaitFor("Leaderboard · week", at);
            await _terminal.WaitFor("bob — 0 pts (0/1)", at);
            Assert.Contains("alice — 10 pts (1/1)", _terminal.Text[at..], StringComparison.Ordinal);

            _terminal.EndInput();
            await run.WaitAsync(TimeSpan.FromSeconds(30));

            // The answers and Quartz's schedules are PostgreSQL's rows; no SQLite file is made.
            await using var connection = new NpgsqlConnection(connectionString);
            Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name LIKE 'daily-%'"));
            Assert.False(File.Exists(_dir.File("data/schedules.db")));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }
}
