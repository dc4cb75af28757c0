using StudyBot.Content;

namespace StudyBot;

/// <summary><c>studybot content check [path]</c>: validates packs, prints every error with file:line, exits 1 on any.</summary>
public static class ContentCheck
{
    public static int Run(string path, TextWriter output, TextWriter errors)
    {
        var result = ContentLoader.Load(path);
        foreach (var error in result.Errors) errors.WriteLine(error);
        foreach (var pack in result.Packs)
            output.WriteLine($"{pack.Id}: {pack.Topics.Count} topics, {pack.Questions.Count} questions");
        if (result.Packs.Count == 0 && result.Errors.Count == 0) errors.WriteLine($"{path}: no pack found");
        var ok = result.IsValid && result.Packs.Count > 0;
        output.WriteLine(ok ? "OK" : $"{result.Errors.Count} error(s); skipped: {string.Join(", ", result.SkippedFiles.Distinct())}");
        return ok ? 0 : 1;
    }
}
