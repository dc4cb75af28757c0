using StudyBot.Core.Content;

namespace StudyBot.Content;

/// <summary>
/// Loads one pack folder. A file with any error is skipped whole and named; the pack loads with the
/// files that remain, so one typo never takes a group's whole bank offline.
/// </summary>
internal sealed class PackLoader(string folder)
{
    private static readonly string[] NoteExtensions = [".md", ".txt"];
    private readonly List<ContentError> _errors = [];
    private readonly List<string> _skipped = [];

    public IReadOnlyList<ContentError> Errors => _errors;
    public IReadOnlyList<string> SkippedFiles => _skipped;

    public ContentPack? Load()
    {
        var manifestPath = Path.Combine(folder, PackManifest.FileName);
        PackManifest manifest;
        if (File.Exists(manifestPath))
        {
            if (!TryRead(manifestPath, text => PackManifest.Read(manifestPath, text), out var read)) return null;
            manifest = read!;
        }
        else
        {
            manifest = PackManifest.Implicit(folder);
        }

        var topics = LoadTopics(manifest, File.Exists(manifestPath));
        var questions = LoadQuestions(manifest, topics);
        return new ContentPack(manifest.Id, manifest.Title, manifest.Language, topics.Values, questions);
    }

    private Dictionary<string, Topic> LoadTopics(PackManifest manifest, bool hasManifest)
    {
        var topicFolder = Path.Combine(folder, "topics");
        var files = hasManifest
            ? Directory.Exists(topicFolder) ? Files(topicFolder, NoteExtensions, SearchOption.AllDirectories) : []
            : Files(folder, NoteExtensions, SearchOption.AllDirectories);

        var topics = new Dictionary<string, Topic>(StringComparer.Ordinal);
        var noteIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!TryRead(file, text => TopicFileReader.HasFrontMatter(text)
                    ? [TopicFileReader.ReadStructured(file, text, manifest.Language)]
                    : NotesReader.Read(file, text, manifest.Language, noteIds).ToList(), out var read))
                continue;
            read ??= [];
            if (read.FirstOrDefault(t => topics.ContainsKey(t.Id)) is { } duplicate)
            {
                Skip(file, new ContentError(file, duplicate.Source.Line, $"topic id '{duplicate.Id}' is already used by {topics[duplicate.Id].Source}"));
                continue;
            }
            foreach (var topic in read) topics[topic.Id] = topic;
        }
        return topics;
    }

    private List<Question> LoadQuestions(PackManifest manifest, Dictionary<string, Topic> topics)
    {
        var questionFolder = Path.Combine(folder, "questions");
        if (!Directory.Exists(questionFolder)) return [];
        var questions = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var file in Files(questionFolder, [".yaml", ".yml"], SearchOption.AllDirectories))
        {
            var fileErrors = new List<ContentError>();
            if (!TryRead(file, text => QuestionFileReader.Read(file, text, manifest, fileErrors), out var read)) continue;
            var seen = new Dictionary<string, Question>(StringComparer.Ordinal);
            foreach (var (question, idLine, topicLine) in read!)
            {
                if (!topics.ContainsKey(question.TopicId))
                    fileErrors.Add(new ContentError(file, topicLine, $"question '{question.Id}': unknown topic '{question.TopicId}'"));
                if ((questions.GetValueOrDefault(question.Id) ?? seen.GetValueOrDefault(question.Id)) is { } first)
                    fileErrors.Add(new ContentError(file, idLine, $"duplicate question id '{question.Id}' (first at {first.Source})"));
                seen.TryAdd(question.Id, question);
            }
            if (fileErrors.Count > 0)
            {
                foreach (var error in fileErrors.Skip(1)) _errors.Add(error);
                Skip(file, fileErrors[0]);
                continue;
            }
            foreach (var question in seen.Values) questions[question.Id] = question;
        }
        return questions.Values.ToList();
    }

    private bool TryRead<T>(string file, Func<string, T> read, out T? result)
    {
        result = default;
        try
        {
            result = read(File.ReadAllText(file));
            return true;
        }
        catch (ContentException e)
        {
            Skip(file, e.Error);
        }
        catch (IOException e)
        {
            Skip(file, new ContentError(file, 0, $"cannot read the file: {e.Message}"));
        }
        return false;
    }

    private void Skip(string file, ContentError error)
    {
        _errors.Add(error);
        _skipped.Add(file);
    }

    private static IEnumerable<string> Files(string dir, string[] extensions, SearchOption option) =>
        Directory.EnumerateFiles(dir, "*", option)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
}
