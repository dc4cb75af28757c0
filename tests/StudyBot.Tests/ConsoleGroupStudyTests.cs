using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Adapters.Console;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>The README's group-study walk-through in the console: thread, ping, pin and join are shown as a platform would do them.</summary>
public sealed class ConsoleGroupStudyTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ScriptedTerminal _terminal = new();

    public void Dispose()
    {
        _terminal.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Thread_ping_pin_and_join_show_in_the_terminal_through_the_reveal()
    {
        EndToEndPack.WriteTo(_dir);
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={_dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={_dir.File("data/studybot.db")}",
            "--StudyBot:Study:AnswerWindow=01:00:00",
        ]);
        builder.Services.AddSingleton(new ConsoleTerminal(_terminal.Input, _terminal.OutputWriter));
        using var host = builder.Build();
        var run = host.RunAsync();

        _terminal.Type("/study setup 09:00 Asia/Seoul", "/study ping 123456789012345678", "/study pin on", "/study now");
        var at = await _terminal.WaitFor("🔔 @study-group 123456789012345678");
        at = await _terminal.WaitFor("Discuss in the thread.", at);
        at = await _terminal.WaitFor("🧵 thread \"Amazon EBS · ", at);
        at = await _terminal.WaitFor("📌 message 1 pinned", at);

        _terminal.Type("/as mina", "/study join", "B", "/as me", "/study close");
        at = await _terminal.WaitFor("🔔 mina joined study group 123456789012345678", at);
        at = await _terminal.WaitFor("message 1 updated", at);
        at = await _terminal.WaitFor("thread of message 1", at);
        at = await _terminal.WaitFor("100% correct (1 of 1) · first right: mina", at);
        await _terminal.WaitFor("📌 message 1 unpinned", at);

        _terminal.EndInput();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
