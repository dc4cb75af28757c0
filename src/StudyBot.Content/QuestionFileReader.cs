using System.Text.RegularExpressions;
using StudyBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace StudyBot.Content;

/// <summary>A question as read, with the lines that cross-file checks (unknown topic, duplicate id) point at.</summary>
internal sealed record ReadQuestion(Question Question, int IdLine, int TopicLine);

/// <summary>Reads and checks one <c>questions/*.yaml</c> file.</summary>
internal static partial class QuestionFileReader
{
    public const int MaxChoiceLength = QuestionRules.MaxChoiceLength;
    public const int MaxPromptLength = QuestionRules.MaxPromptLength;
    public const int MaxExplanationLength = QuestionRules.MaxExplanationLength;

    private static readonly string[] QuestionKeys = ["id", "topic", "kind", "domain", "difficulty", "prompt", "choices", "answer", "explanation"];
    private static readonly string[] Difficulties = ["easy", "medium", "hard"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>Reads every question it can; each bad question adds an error (the caller skips the file).</summary>
    public static IReadOnlyList<ReadQuestion> Read(string path, string text, PackManifest pack, List<ContentError> errors)
    {
        var yaml = new YamlFile(path);
        var root = yaml.Mapping(yaml.Parse(text), "a question file", ["questions"]);
        var list = YamlFile.Get(root, "questions") ?? throw yaml.Error(root, "a question file needs a 'questions:' list");
        var questions = new List<ReadQuestion>();
        foreach (var node in yaml.Sequence(list, "'questions'").Children)
        {
            try
            {
                questions.Add(ReadOne(yaml, node, pack));
            }
            catch (ContentException e)
            {
                errors.Add(e.Error);
            }
        }
        return questions;
    }

    private static ReadQuestion ReadOne(YamlFile yaml, YamlNode node, PackManifest pack)
    {
        var packLanguage = pack.Language;
        var map = yaml.Mapping(node, "a question", QuestionKeys);
        var id = yaml.RequiredString(map, "id", "a question");
        var idNode = YamlFile.Get(map, "id")!;
        if (!IdPattern().IsMatch(id)) throw yaml.Error(idNode, $"question id '{id}' must be lowercase letters, digits and '-'");
        var what = $"question '{id}'";
        var topic = yaml.RequiredString(map, "topic", what);
        var kind = ParseKind(yaml, map, what);
        var domain = Domain(yaml, map, pack, what);
        var difficulty = OneOf(yaml, map, "difficulty", Difficulties, what);

        var prompt = Text(yaml, map, "prompt", what, packLanguage, MaxPromptLength);
        var explanation = Text(yaml, map, "explanation", what, packLanguage, MaxExplanationLength);
        var choices = ReadChoices(yaml, map, kind, what, packLanguage, prompt);
        var answer = YamlFile.Get(map, "answer") ?? throw yaml.Error(map, $"{what} has no 'answer'");
        var correct = kind == QuestionKind.TrueFalse ? ReadTrueFalse(yaml, answer, what) : ReadLetters(yaml, answer, kind, choices.Count, what);

        var question = new Question(id, topic, kind, prompt, choices, correct, explanation, domain, difficulty,
            new SourceLocation(yaml.Path, yaml.Line(node)));
        return new ReadQuestion(question, yaml.Line(idNode), yaml.Line(YamlFile.Get(map, "topic")!));
    }

    private static QuestionKind ParseKind(YamlFile yaml, YamlMappingNode map, string what) =>
        yaml.RequiredString(map, "kind", what) switch
        {
            "single" => QuestionKind.SingleChoice,
            "choose-two" => QuestionKind.ChooseTwo,
            "true-false" => QuestionKind.TrueFalse,
            var other => throw yaml.Error(YamlFile.Get(map, "kind")!, $"{what}: kind '{other}' must be single, choose-two or true-false"),
        };

    private static string? Domain(YamlFile yaml, YamlMappingNode map, PackManifest pack, string what)
    {
        if (YamlFile.Get(map, "domain") is { } node && pack.Domains.Count == 0)
            throw yaml.Error(node, $"{what}: pack '{pack.Id}' lists no domains; add 'domains: [...]' to its pack.yaml or drop 'domain'");
        return OneOf(yaml, map, "domain", [.. pack.Domains], what);
    }

    private static string? OneOf(YamlFile yaml, YamlMappingNode map, string key, string[] allowed, string what)
    {
        var value = yaml.OptionalString(map, key, what);
        if (value is not null && !allowed.Contains(value))
            throw yaml.Error(YamlFile.Get(map, key)!, $"{what}: {key} '{value}' must be one of: {string.Join(", ", allowed)}");
        return value;
    }

    private static LocalizedText Text(YamlFile yaml, YamlMappingNode map, string key, string what, Language packLanguage, int maxLength)
    {
        var node = YamlFile.Get(map, key) ?? throw yaml.Error(map, $"{what} has no '{key}'");
        var text = yaml.Localized(node, $"{what} {key}", packLanguage);
        foreach (var value in text.All())
        {
            if (QuestionRules.TextLength(key, key, value, maxLength) is { } tooLong)
                throw yaml.Error(node, $"{what}: {tooLong.En}");
        }
        return text;
    }

    private static List<LocalizedText> ReadChoices(YamlFile yaml, YamlMappingNode map, QuestionKind kind, string what, Language packLanguage, LocalizedText prompt)
    {
        var node = YamlFile.Get(map, "choices");
        if (kind == QuestionKind.TrueFalse)
        {
            if (node is not null) throw yaml.Error(node, $"{what}: a true-false question takes no 'choices' (they are True/False)");
            return [];
        }
        if (node is null) throw yaml.Error(map, $"{what} has no 'choices'");
        var items = yaml.Sequence(node, $"{what} choices").Children;
        if (QuestionRules.ChoiceCount(kind, items.Count) is { } count)
            throw yaml.Error(node, $"{what} {count.En}");

        var choices = new List<LocalizedText>();
        foreach (var item in items)
        {
            var choice = yaml.Localized(item, $"{what} choice {Question.Letter(choices.Count)}", packLanguage);
            foreach (var value in choice.All())
            {
                if (QuestionRules.ChoiceLength(choices.Count, value) is { } tooLong)
                    throw yaml.Error(item, $"{what}: {tooLong.En}");
            }
            if (choice.Has(Language.En) != prompt.Has(Language.En) || choice.Has(Language.Ko) != prompt.Has(Language.Ko))
                throw yaml.Error(item, $"{what}: choice {Question.Letter(choices.Count)} must be in the same languages as the prompt");
            choices.Add(choice);
        }
        return choices;
    }

    private static HashSet<int> ReadTrueFalse(YamlFile yaml, YamlNode answer, string what) =>
        (answer as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() switch
        {
            "true" => [0],
            "false" => [1],
            _ => throw yaml.Error(answer, $"{what}: a true-false answer must be true or false"),
        };

    private static HashSet<int> ReadLetters(YamlFile yaml, YamlNode answer, QuestionKind kind, int choiceCount, string what)
    {
        var letters = answer is YamlSequenceNode list
            ? list.Children.Select(n => yaml.Scalar(n, $"{what} answer")).ToList()
            : yaml.Scalar(answer, $"{what} answer").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (QuestionRules.AnswerLetters(letters, kind, choiceCount, out var picked) is { } wrong)
            throw yaml.Error(answer, $"{what}: {wrong.En}");
        return picked;
    }
}
