using StudyBot.Core.Text;

namespace StudyBot.Core.Content;

/// <summary>A rule a question breaks, worded for <c>content check</c> (English) and for a member's form (either language).</summary>
public sealed record RuleBreak(string En, string Ko)
{
    public string In(Language language) => Say.In(language, En, Ko);
}

/// <summary>
/// The rules every question obeys, whether it comes from a pack file (<c>content check</c>) or a
/// member's <c>/suggest</c> form: one set, so a suggestion that passes loads from an exported file too.
/// Lengths are what fits both platforms: a choice becomes a button label "A. …" (Slack allows 75
/// characters, Discord 80), a prompt and an explanation one chat message each.
/// </summary>
public static class QuestionRules
{
    public const int MaxChoiceLength = 72;
    public const int MaxPromptLength = 1000;
    public const int MaxExplanationLength = 1500;

    public static (int Min, int Max) ChoiceRange(QuestionKind kind) => kind == QuestionKind.ChooseTwo ? (3, 5) : (2, 5);

    private static string KindName(QuestionKind kind) => kind == QuestionKind.ChooseTwo ? "choose-two" : "single";

    /// <summary>"has 7 choices; a single question needs 2 to 5", or null when the count fits the kind.</summary>
    public static RuleBreak? ChoiceCount(QuestionKind kind, int count)
    {
        var (min, max) = ChoiceRange(kind);
        if (count >= min && count <= max) return null;
        return new($"has {count} choices; a {KindName(kind)} question needs {min} to {max}",
            $"보기가 {count}개예요. {(kind == QuestionKind.ChooseTwo ? "두 개 고르는" : "한 개 고르는")} 문제는 보기가 {min}~{max}개여야 해요");
    }

    /// <param name="part">What the text is, in English ("prompt", "explanation").</param>
    public static RuleBreak? TextLength(string part, string partKo, string value, int max) =>
        value.Length <= max ? null
            : new($"{part} is {value.Length} characters; at most {max} fit a chat message",
                $"{partKo}이(가) {value.Length}자예요. 채팅 메시지에는 {max}자까지 들어가요");

    public static RuleBreak? ChoiceLength(int index, string value) =>
        value.Length <= MaxChoiceLength ? null
            : new($"choice {Question.Letter(index)} is {value.Length} characters; at most {MaxChoiceLength} fit a button label (\"{TextCut.ToLength(value, 30)}\")",
                $"보기 {Question.Letter(index)}이(가) {value.Length}자예요. 버튼에는 {MaxChoiceLength}자까지 들어가요 (\"{TextCut.ToLength(value, 30)}\")");

    /// <summary>Reads answer letters ("B", "a, c") against the choices; the first rule broken, or null with the picked indexes.</summary>
    public static RuleBreak? AnswerLetters(IReadOnlyList<string> letters, QuestionKind kind, int choiceCount, out HashSet<int> picked)
    {
        picked = [];
        foreach (var letter in letters)
        {
            if (letter.Length != 1 || char.ToUpperInvariant(letter[0]) is < 'A' or > 'E')
                return new($"answer '{letter}' must be a choice letter A-E", $"정답 '{TextCut.ToLength(letter, 20)}'은(는) 보기 글자(A~E)여야 해요");
            var index = char.ToUpperInvariant(letter[0]) - 'A';
            if (index >= choiceCount)
                return new($"answer '{letter}' is out of range: the question has {choiceCount} choices (A-{Question.Letter(Math.Max(choiceCount, 1) - 1)})",
                    $"정답 '{letter}'은(는) 범위 밖이에요. 보기는 {choiceCount}개예요 (A~{Question.Letter(Math.Max(choiceCount, 1) - 1)})");
            if (!picked.Add(index))
                return new($"answer '{letter}' is listed twice", $"정답 '{letter}'이(가) 두 번 적혔어요");
        }
        var wanted = kind == QuestionKind.ChooseTwo ? 2 : 1;
        if (picked.Count == wanted) return null;
        return new($"a {KindName(kind)} question needs exactly {wanted} answer letter{(wanted == 2 ? "s" : "")}, found {picked.Count}",
            $"{(wanted == 2 ? "두 개 고르는" : "한 개 고르는")} 문제는 정답 글자가 정확히 {wanted}개여야 해요 (지금 {picked.Count}개)");
    }
}
