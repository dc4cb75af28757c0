namespace StudyBot.Core.Suggestions;

/// <summary>
/// A suggestion as typed into the form, field by field: kept as text so a refused form opens again with
/// exactly what was typed, and so an edit shows the member's own words.
/// </summary>
/// <param name="Choices">One choice per line; empty for a true-false question.</param>
/// <param name="Answer">The correct letter(s): "B", "A, C", or true/false.</param>
public sealed record SuggestionDraft(string Prompt, string Choices, string Answer, string Explanation, string Topic)
{
    public const string PromptField = "prompt";
    public const string ChoicesField = "choices";
    public const string AnswerField = "answer";
    public const string ExplanationField = "explanation";
    public const string TopicField = "topic";

    /// <summary>Reads a submitted form's values; a missing field is empty, and each is trimmed.</summary>
    public static SuggestionDraft From(IReadOnlyDictionary<string, string> values)
    {
        string Value(string id) => (values.GetValueOrDefault(id) ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return new(Value(PromptField), Value(ChoicesField), Value(AnswerField), Value(ExplanationField), Value(TopicField));
    }

    public IReadOnlyDictionary<string, string> Values() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PromptField] = Prompt,
        [ChoicesField] = Choices,
        [AnswerField] = Answer,
        [ExplanationField] = Explanation,
        [TopicField] = Topic,
    };

    public IReadOnlyList<string> ChoiceLines() =>
        Choices.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
