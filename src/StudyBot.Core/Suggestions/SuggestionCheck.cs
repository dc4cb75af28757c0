using StudyBot.Core.Content;
using StudyBot.Core.Text;

namespace StudyBot.Core.Suggestions;

/// <summary>A checked draft: the question it makes, or what is wrong with it, by form field.</summary>
public sealed record CheckedSuggestion(Question? Question, IReadOnlyDictionary<string, RuleBreak> Errors)
{
    public bool IsValid => Question is not null;
}

/// <summary>
/// Turns what a member typed into a question with the pack rules (<see cref="QuestionRules"/>, the same
/// checks as <c>content check</c>). The kind follows the answer: one letter is a single-choice question,
/// two letters "choose two", true/false (참/거짓) with no choices a true-false one. The language is the
/// one the member wrote in: Korean when the prompt has Hangul, otherwise English.
/// </summary>
public static class SuggestionCheck
{
    /// <summary>The topic of a suggestion that names none (or for a channel whose pack has no topics).</summary>
    public const string MemberTopicId = "member-written";

    public static readonly Topic MemberTopic = new(MemberTopicId, LocalizedText.Both("Member-written", "멤버 출제"), [],
        LocalizedText.Both("Questions written by members of this channel.", "이 채널 멤버가 낸 문제예요."), [], [], new SourceLocation("suggestions", 0));

    private static readonly string[] TrueWords = ["true", "참", "o"];
    private static readonly string[] FalseWords = ["false", "거짓", "x"];

    public static CheckedSuggestion Check(SuggestionDraft draft, ContentPack? pack, string questionId, string? writtenBy = null)
    {
        var errors = new Dictionary<string, RuleBreak>(StringComparer.Ordinal);
        var language = draft.Prompt.Any(IsHangul) ? Language.Ko : Language.En;

        Required(errors, SuggestionDraft.PromptField, draft.Prompt, "the question", "문제");
        Required(errors, SuggestionDraft.ExplanationField, draft.Explanation, "the explanation", "해설");
        Required(errors, SuggestionDraft.AnswerField, draft.Answer, "the correct letter(s)", "정답 글자");
        if (QuestionRules.TextLength("prompt", "문제", draft.Prompt, QuestionRules.MaxPromptLength) is { } longPrompt)
            errors.TryAdd(SuggestionDraft.PromptField, longPrompt);
        if (QuestionRules.TextLength("explanation", "해설", draft.Explanation, QuestionRules.MaxExplanationLength) is { } longExplanation)
            errors.TryAdd(SuggestionDraft.ExplanationField, longExplanation);

        var choices = draft.ChoiceLines();
        var answerWord = draft.Answer.Trim().ToLowerInvariant();
        var trueFalse = choices.Count == 0 && (TrueWords.Contains(answerWord) || FalseWords.Contains(answerWord));
        var letters = draft.Answer.Split([',', ' ', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kind = trueFalse ? QuestionKind.TrueFalse : letters.Length == 2 ? QuestionKind.ChooseTwo : QuestionKind.SingleChoice;

        HashSet<int> correct = [];
        if (trueFalse)
        {
            correct = [TrueWords.Contains(answerWord) ? 0 : 1];
        }
        else
        {
            if (QuestionRules.ChoiceCount(kind, choices.Count) is { } count)
                errors.TryAdd(SuggestionDraft.ChoicesField, count with { En = "The question " + count.En });
            for (var i = 0; i < choices.Count; i++)
            {
                if (QuestionRules.ChoiceLength(i, choices[i]) is { } tooLong) errors.TryAdd(SuggestionDraft.ChoicesField, tooLong);
            }
            if (draft.Answer.Length > 0 && QuestionRules.AnswerLetters(letters, kind, choices.Count, out correct) is { } wrong)
                errors.TryAdd(SuggestionDraft.AnswerField, wrong);
        }

        var topic = FindTopic(draft.Topic, pack, errors);
        if (errors.Count > 0) return new CheckedSuggestion(null, errors);

        var question = new Question(questionId, topic.Id, kind,
            LocalizedText.Of(language, draft.Prompt),
            choices.Select(c => LocalizedText.Of(language, c)).ToList(),
            correct,
            LocalizedText.Of(language, draft.Explanation),
            null, null, new SourceLocation("suggestions", 0), writtenBy);
        return new CheckedSuggestion(question, errors);
    }

    /// <summary>The channel pack's topic the member named (by id, title or alias), the member topic when none is named.</summary>
    public static Topic FindTopic(string text, ContentPack? pack, Dictionary<string, RuleBreak>? errors = null)
    {
        if (text.Trim().Length == 0 || pack is null) return MemberTopic;
        if (pack.FindTopic(text.Trim()) is { } byId) return byId;
        if (pack.TopicIndex.Search(text, 1) is [var match]) return match.Topic;
        var close = string.Join(", ", pack.TopicIndex.Suggest(text).Select(m => m.MatchedName));
        errors?.TryAdd(SuggestionDraft.TopicField, new RuleBreak(
            $"no topic \"{TextCut.ToLength(text, 40)}\" in this channel's pack{(close.Length > 0 ? $"; close: {close}" : "")}. Leave it empty if unsure.",
            $"이 채널의 팩에 \"{TextCut.ToLength(text, 40)}\" 주제가 없어요{(close.Length > 0 ? $". 비슷한 주제: {close}" : "")}. 모르면 비워 두세요."));
        return MemberTopic;
    }

    private static void Required(Dictionary<string, RuleBreak> errors, string field, string value, string en, string ko)
    {
        if (value.Trim().Length == 0) errors.TryAdd(field, new RuleBreak($"Write {en}.", $"{ko}을(를) 적어 주세요."));
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F';
}
