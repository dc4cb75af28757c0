using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Adapters.Console;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>
/// README's "How reviews work" as a new user follows it in the terminal: the real host, content loader,
/// SQLite, Quartz and the console adapter, on a clock the test moves from one day to the next.
/// </summary>
public sealed partial class ConsoleReviewEndToEndTests : IDisposable
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 8, 0, 0, Seoul);
    private readonly TempDirectory _dir = new();
    private readonly ScriptedTerminal _terminal = new();
    private readonly ShiftedClock _clock = new(MondayMorning);

    public void Dispose()
    {
        _terminal.Dispose();
        _dir.Dispose();
    }

    /// <summary>One question whose texts hold what an Anki field must escape: quotes, markup, an ampersand, a tab and line breaks.</summary>
    private const string Prompt = "Where does an \"EBS\" volume <live>?";
    private const string Explanation = "An EBS volume is bound to one Availability Zone.\nSnapshots & copies\tgo to S3.";

    private IHost BuildHost()
    {
        _dir.Write("content/rv/pack.yaml", "id: rv\ntitle: Review run\nlanguage: en\n");
        _dir.Write("content/rv/topics/ebs.md", "---\nid: ebs\ntitle: { en: Amazon EBS, ko: EBS 볼륨 }\naliases: [EBS]\n---\n## Summary\nBlock storage.\n");
        _dir.Write("content/rv/questions/ebs.yaml", """
            questions:
              - id: rv-ebs-az
                topic: ebs
                kind: single
                prompt: 'Where does an "EBS" volume <live>?'
                choices: [In a Region, In one Availability Zone, In an edge location]
                answer: B
                explanation: "An EBS volume is bound to one Availability Zone.\nSnapshots & copies\tgo to S3."
            """);
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={_dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={_dir.File("data/studybot.db")}",
            $"--StudyBot:Console:ExportFolder={_dir.File("exports")}",
        ]);
        builder.Services.AddSingleton(new ConsoleTerminal(_terminal.Input, _terminal.OutputWriter));
        builder.Services.AddSingleton<TimeProvider>(_clock);
        return builder.Build();
    }

    [Fact]
    public async Task A_missed_daily_question_comes_back_tomorrow_moves_out_by_days_and_exports_to_anki()
    {
        using var host = BuildHost();
        var run = host.RunAsync();

        // Monday: the daily question, answered wrong.
        _terminal.Type("/study setup 09:00 Asia/Seoul", "/study now");
        var at = await _terminal.WaitFor("[B. In one Availability Zone]");
        _terminal.Type("A", "/study close");
        at = await _terminal.WaitFor("Your answer A is in.", at);
        at = await _terminal.WaitFor("message 1 updated", at);
        at = await _terminal.WaitFor("Answer: B", at);

        _terminal.Type("/stats");
        at = await _terminal.WaitFor("Review cards: 1 learning · 0 young · 0 mature", at);
        at = await _terminal.WaitFor("Due today: 0", at);

        _terminal.Type("/export");
        await AssertTheOneNoteAsync(await WrittenFileAsync(at), "studybot-review.txt");
        at = _terminal.Text.Length;

        // Tuesday morning: the card is due and it is the card /review shows.
        _clock.Set(MondayMorning.AddDays(1).AddMinutes(30));
        _terminal.Type("/review");
        at = await _terminal.WaitFor("Review · Amazon EBS", at);
        var card = _terminal.Text[at..await _terminal.WaitFor("1 due", at)];
        Assert.Contains(Prompt, card, StringComparison.Ordinal);
        Assert.Contains("[B. In one Availability Zone]", card, StringComparison.Ordinal);

        _terminal.Type("B");
        // The result heads the next message: here, nothing left to review.
        at = await _terminal.WaitFor("Nothing to review\nCorrect!", at);
        var answered = _terminal.Text[at..await _terminal.WaitFor("[E: That was easy]", at)];
        var days = int.Parse(NextReview().Match(answered).Groups["days"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(days, 2, 30);
        Assert.Contains($"Your next card is due {MondayMorning.AddDays(1 + days):yyyy-MM-dd} ", answered, StringComparison.Ordinal);
        Assert.Contains("/quiz is there for extra practice.", answered, StringComparison.Ordinal);
        Assert.Contains("[H: That was hard]", answered, StringComparison.Ordinal);

        // "That was easy" is typed by the letter the console shows for it.
        _terminal.Type("E");
        at = await _terminal.WaitFor("Marked easy", at);
        var easy = _terminal.Text[at..await _terminal.WaitFor(" days.", at)];
        var easyDays = int.Parse(NextReview().Match(easy).Groups["days"].Value, CultureInfo.InvariantCulture);
        Assert.True(easyDays >= days, $"easy {easyDays} < good {days}");

        _terminal.Type("/review");
        at = await _terminal.WaitFor("Nothing to review", at);
        at = await _terminal.WaitFor($"Your next card is due {MondayMorning.AddDays(1 + easyDays):yyyy-MM-dd} ", at);
        at = await _terminal.WaitFor("/quiz is there for extra practice.", at);

        _terminal.Type("/stats");
        at = await _terminal.WaitFor("Review cards: 0 learning · 1 young · 0 mature", at);
        at = await _terminal.WaitFor("Due today: 0", at);
        at = await _terminal.WaitFor("Retention (30 days): 100% (1/1)", at);
        at = await _terminal.WaitFor("Predicted recall, weakest first: Amazon EBS 100%", at);

        // Recalled, so no longer "missed": /export says so, /export all still has it.
        _terminal.Type("/export");
        at = await _terminal.WaitFor("Nothing to export", at);
        at = await _terminal.WaitFor("/export all exports every card.", at);
        _terminal.Type("/export all");
        await AssertTheOneNoteAsync(await WrittenFileAsync(at), "studybot-all.txt");

        _terminal.EndInput();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The path the console prints after "File written: ", once the line is complete.</summary>
    private async Task<string> WrittenFileAsync(int from)
    {
        var start = await _terminal.WaitFor("File written: ", from);
        var end = await _terminal.WaitFor("\n", start) - 1;
        var path = _terminal.Text[start..end];
        Assert.StartsWith(_dir.File("exports"), path, StringComparison.Ordinal);
        return path;
    }

    private static async Task AssertTheOneNoteAsync(string path, string fileName)
    {
        Assert.Equal(fileName, Path.GetFileName(path));
        var import = AnkiTextImport.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal(("tab", "true"), (import.Headers["separator"], import.Headers["html"]));
        Assert.Equal(["Front", "Back", "Tags"], import.Columns);
        var tagsColumn = int.Parse(import.Headers["tags column"], CultureInfo.InvariantCulture);
        var note = Assert.Single(import.Notes);
        Assert.Equal(import.Columns.Count, note.Count);
        Assert.Equal($"{Prompt}\nA. In a Region\nB. In one Availability Zone\nC. In an edge location", AnkiTextImport.Shown(note[0]));
        // A tab inside a field would split it: the export writes it as a space.
        Assert.Equal($"B\n\n{Explanation.Replace('\t', ' ')}", AnkiTextImport.Shown(note[1]));
        Assert.Equal(["rv", "Amazon_EBS"], note[tagsColumn - 1].Split(' '));
    }

    [GeneratedRegex(@"Next review of this card: in (?<days>\d+) days\.")]
    private static partial Regex NextReview();
}
