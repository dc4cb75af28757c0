using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Text;

namespace StudyBot.Core.Suggestions;

/// <summary>The <c>/suggest</c> form: five text fields, pre-filled with a draft when one is given (a resend or an edit).</summary>
public static class SuggestionForm
{
    /// <summary>What a field may hold: a little over the pack limits, so a too-long text reaches the check and gets a clear reply.</summary>
    public const int PromptMax = 1200;
    public const int ChoicesMax = 600;
    public const int AnswerMax = 20;
    public const int ExplanationMax = 1700;
    public const int TopicMax = 100;

    public static ChatForm Build(string formId, Language language, SuggestionDraft? draft = null, bool editing = false) => new(
        formId,
        editing ? Say.In(language, "Edit the suggestion", "제안 문제 고치기") : Say.In(language, "Suggest a question", "문제 제안하기"),
        Say.In(language,
            "Write in English or Korean: one language is enough. Admins review it before it joins the daily questions.",
            "한국어나 영어 중 하나로만 써도 충분해요. 관리자가 검토한 뒤 오늘의 문제에 들어가요."),
        [
            new(SuggestionDraft.PromptField, Say.In(language, "Question", "문제"), true, true, PromptMax, draft?.Prompt,
                Say.In(language, "English or Korean, one language is enough", "한국어 또는 영어, 한 언어면 충분해요")),
            new(SuggestionDraft.ChoicesField, Say.In(language, "Choices, one per line (2 to 5)", "보기, 한 줄에 하나 (2~5개)"), true, false, ChoicesMax, draft?.Choices,
                Say.In(language, "Empty for a true/false question", "참/거짓 문제면 비워 두세요")),
            new(SuggestionDraft.AnswerField, Say.In(language, "Correct letter(s)", "정답 글자"), false, true, AnswerMax, draft?.Answer,
                Say.In(language, "B, or A, C for choose two, or true/false", "B, 두 개면 A, C, 또는 참/거짓")),
            new(SuggestionDraft.ExplanationField, Say.In(language, "Explanation", "해설"), true, true, ExplanationMax, draft?.Explanation,
                Say.In(language, "Why the answer is right", "정답인 이유")),
            new(SuggestionDraft.TopicField, Say.In(language, "Topic (optional)", "주제 (선택)"), false, false, TopicMax, draft?.Topic,
                Say.In(language, "A topic of this channel's pack, e.g. ebs", "이 채널 팩의 주제 (예: ebs)")),
        ],
        Say.In(language, "Send", "보내기"));
}
