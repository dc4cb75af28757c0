using StudyBot.Testing;

namespace StudyBot.Tests;

public sealed class ContentCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_valid_pack_exits_zero_and_reports_counts()
    {
        _dir.Write("pack/pack.yaml", "id: ok\n");
        _dir.Write("pack/topics/t.md", "---\nid: t\ntitle: T\n---\n## Summary\nS.\n");
        _dir.Write("pack/questions/q.yaml", "questions:\n  - id: q\n    topic: t\n    kind: true-false\n    prompt: P\n    answer: false\n    explanation: E\n");
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, ContentCheck.Run(_dir.File("pack"), output, errors));
        Assert.Contains("ok: 1 topics, 1 questions", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public void An_invalid_pack_exits_one_and_prints_file_and_line()
    {
        _dir.Write("pack/pack.yaml", "id: bad\n");
        var file = _dir.Write("pack/questions/q.yaml", "questions:\n  - id: q\n    topic: nowhere\n    kind: true-false\n    prompt: P\n    answer: false\n    explanation: E\n");
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, ContentCheck.Run(_dir.File("pack"), output, errors));
        Assert.Contains($"{file}:3: question 'q': unknown topic 'nowhere'", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_exits_one() =>
        Assert.Equal(1, ContentCheck.Run(_dir.File("missing"), new StringWriter(), new StringWriter()));
}
