using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Adapters.Console;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>The whole bot as a user runs it: the real host, content, SQLite, Quartz, and the console adapter on in-memory streams.</summary>
public sealed class ConsoleEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ScriptedTerminal _terminal = new();

    public void Dispose()
    {
        _terminal.Dispose();
        _dir.Dispose();
    }

    private IHost BuildHost(string answerWindow = "00:00:05")
    {
        EndToEndPack.WriteTo(_dir);
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={_dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={_dir.File("data/studybot.db")}",
            $"--StudyBot:Study:AnswerWindow={answerWindow}",
        ]);
        builder.Services.AddSingleton(new ConsoleTerminal(_terminal.Input, _terminal.OutputWriter));
        return builder.Build();
    }

    [Fact]
    public async Task Setup_post_three_answers_reveal_and_leaderboard()
    {
        using var host = BuildHost();
        var run = host.RunAsync();

        _terminal.Type("/study setup 09:00 Asia/Seoul", "/study now");
        var at = await _terminal.WaitFor("Question of the day · Amazon EBS");
        at = await _terminal.WaitFor("[B. In one Availability Zone]", at);

        _terminal.Type("/as alice", "B", "/as bob", "A", "/as carol", "B", "B");
        at = await _terminal.WaitFor("only alice sees this", at);
        at = await _terminal.WaitFor("Your answer B is in.", at);
        at = await _terminal.WaitFor("Your answer A is in.", at);
        at = await _terminal.WaitFor("Your answer B is in.", at);
        at = await _terminal.WaitFor("You already answered this question", at);

        // The real Quartz close trigger fires when the five-second window ends.
        at = await _terminal.WaitFor("message 1 updated", at);
        var reveal = _terminal.Text[at..];
        Assert.Contains("Answer: B", reveal, StringComparison.Ordinal);
        Assert.Contains("Answered: 3", reveal, StringComparison.Ordinal);
        Assert.Contains("Correct: 67%", reveal, StringComparison.Ordinal);
        Assert.Contains("First correct: alice", reveal, StringComparison.Ordinal);
        Assert.Contains("An EBS volume is bound to one Availability Zone.", reveal, StringComparison.Ordinal);

        _terminal.Type("/leaderboard");
        at = await _terminal.WaitFor("Leaderboard · week", at);
        var board = _terminal.Text[at..];
        await _terminal.WaitFor("bob", at);
        board = _terminal.Text[at..];
        Assert.True(board.IndexOf("alice", StringComparison.Ordinal) < board.IndexOf("carol", StringComparison.Ordinal));
        Assert.True(board.IndexOf("carol", StringComparison.Ordinal) < board.IndexOf("bob", StringComparison.Ordinal));
        Assert.Contains("🥇 alice — 10 pts (1/1)", board, StringComparison.Ordinal);
        Assert.Contains("🥇 carol — 10 pts (1/1)", board, StringComparison.Ordinal);
        Assert.Contains("3. bob — 0 pts (0/1)", board, StringComparison.Ordinal);

        _terminal.EndInput();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, Environment.ExitCode);
    }

    [Fact]
    public async Task Odd_input_is_handled_and_the_bot_keeps_answering()
    {
        using var host = BuildHost();
        var run = host.RunAsync();

        _terminal.Type("", "   ", "🙂🙂🙂", "안녕하세요", new string('가', 10_240), "/topic " + new string('x', 10_240), "/없는명령", "Z", "/topic 🙂", "/as", "/topic ebs");
        var at = await _terminal.WaitFor("Commands start with '/'");
        at = await _terminal.WaitFor("No topic found", at);
        at = await _terminal.WaitFor("I don't know \"/없는명령\"", at);
        at = await _terminal.WaitFor("No answer button 'Z' is open right now.", at);
        at = await _terminal.WaitFor("Usage: /as <name>", at);
        await _terminal.WaitFor("Block storage.", at);

        _terminal.EndInput();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Without_a_valid_pack_the_bot_refuses_to_start_and_names_the_setting()
    {
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={_dir.File("no-content-here")}",
            $"--StudyBot:Storage:DatabasePath={_dir.File("data/studybot.db")}",
        ]);
        builder.Services.AddSingleton(new ConsoleTerminal(_terminal.Input, _terminal.OutputWriter));
        using var host = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.Contains("StudyBot:Content:Path", error.ToString(), StringComparison.Ordinal);
    }
}
