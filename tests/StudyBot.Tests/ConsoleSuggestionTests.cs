using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Adapters.Console;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>/suggest as a README reader tries it on the console: the prompts, a refused field asked again, approval by letter.</summary>
public sealed class ConsoleSuggestionTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ScriptedTerminal _terminal = new();

    public void Dispose()
    {
        _terminal.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_member_suggests_fixes_the_one_wrong_field_and_an_admin_approves_it_by_letter()
    {
        EndToEndPack.WriteTo(_dir);
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={_dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={_dir.File("data/studybot.db")}",
        ]);
        builder.Services.AddSingleton(new ConsoleTerminal(_terminal.Input, _terminal.OutputWriter));
        using var host = builder.Build();
        var run = host.RunAsync();

        _terminal.Type("/as mina", "/suggest");
        var at = await _terminal.WaitFor("one language is enough");
        // Prompt (ends with an empty line), choices, answer (one line), explanation, topic (skipped).
        _terminal.Type("Where is an EBS snapshot stored?", "", "In a Region", "In one AZ", "", "F", "Snapshots live in S3.", "", "");
        at = await _terminal.WaitFor("✗ Correct letter(s): answer 'F' must be a choice letter A-E", at);
        _terminal.Type("A");
        at = await _terminal.WaitFor("Thanks, your question is in the queue", at);

        _terminal.Type("/as admin", "/study suggestions");
        at = await _terminal.WaitFor("Suggested question #1 · by mina", at);
        Assert.Contains("Where is an EBS snapshot stored?", _terminal.Text[at..], StringComparison.Ordinal);
        _terminal.Type("A");
        at = await _terminal.WaitFor("Approved #1: it joins the daily questions.", at);

        var approved = await host.Services.GetRequiredService<ISuggestionStore>().ListApprovedAsync(default);
        Assert.Equal(("In a Region\nIn one AZ", "A", "admin"), (approved.Single().Draft.Choices, approved.Single().Draft.Answer, approved.Single().ReviewedBy));
        _terminal.EndInput();
        await run;
    }
}
