namespace StudyBot.Core.Content;

public enum QuestionKind
{
    SingleChoice,
    ChooseTwo,
    TrueFalse,
}

/// <summary>A question of a pack. Choice indexes are zero-based; the answer key is a set of indexes.</summary>
/// <param name="WrittenBy">The member who wrote it (an approved <c>/suggest</c>), shown on its post; null for pack questions.</param>
public sealed record Question(
    string Id,
    string TopicId,
    QuestionKind Kind,
    LocalizedText Prompt,
    IReadOnlyList<LocalizedText> Choices,
    IReadOnlySet<int> CorrectChoices,
    LocalizedText Explanation,
    string? Domain,
    string? Difficulty,
    SourceLocation Source,
    string? WrittenBy = null)
{
    /// <summary>How many distinct choices make one answer.</summary>
    public int ChoicesToPick => Kind == QuestionKind.ChooseTwo ? 2 : 1;

    public bool IsCorrect(IReadOnlyCollection<int> picked) =>
        picked.Count == CorrectChoices.Count && picked.All(CorrectChoices.Contains);

    public static char Letter(int index) => (char)('A' + index);

    public string AnswerLetters() => string.Join(", ", CorrectChoices.Order().Select(Letter));
}
