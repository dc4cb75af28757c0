using System.Globalization;
using System.Text;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Suggestions;

/// <summary>The messages of the suggestion flow. Member text goes into them as text: adapters never let it mention anyone.</summary>
public static class SuggestionCards
{
    /// <summary>A suggestion for reviewers: what the member wrote, with Approve / Edit / Reject while it waits.</summary>
    public static ChatMessage Review(Suggestion suggestion, Language language, int othersWaiting = 0)
    {
        var draft = suggestion.Draft;
        var body = new StringBuilder(draft.Prompt).Append("\n\n");
        var choices = draft.ChoiceLines();
        for (var i = 0; i < choices.Count; i++)
            body.Append(CultureInfo.InvariantCulture, $"**{Question.Letter(i)}.** {choices[i]}\n");
        var fields = new List<MessageField>
        {
            new(Say.In(language, "Answer", "정답"), draft.Answer),
            new(Say.In(language, "Explanation", "해설"), draft.Explanation),
        };
        if (draft.Topic.Length > 0) fields.Add(new(Say.In(language, "Topic", "주제"), draft.Topic));
        var buttons = suggestion.Status == SuggestionStatus.Pending
            ? new List<ChatButton>
            {
                new(ButtonIds.ReviewSuggestion(suggestion.Id, SuggestionVerdict.Approve), Say.In(language, "Approve", "승인")),
                new(ButtonIds.ReviewSuggestion(suggestion.Id, SuggestionVerdict.Edit), Say.In(language, "Edit", "수정")),
                new(ButtonIds.ReviewSuggestion(suggestion.Id, SuggestionVerdict.Reject), Say.In(language, "Reject", "거절")),
            }
            : [];
        var footer = suggestion.Status switch
        {
            SuggestionStatus.Approved => Say.In(language, $"Approved by {suggestion.ReviewedBy}: it joins the daily questions.", $"{suggestion.ReviewedBy} 님이 승인했어요. 오늘의 문제에 들어가요."),
            SuggestionStatus.Rejected => Say.In(language, $"Rejected by {suggestion.ReviewedBy}.", $"{suggestion.ReviewedBy} 님이 거절했어요."),
            _ when othersWaiting > 0 => Say.In(language, $"{othersWaiting} more waiting after this one.", $"이 다음에 {othersWaiting}개가 더 기다려요."),
            _ => Say.In(language, "Approve adds it to this channel's daily questions.", "승인하면 이 채널의 오늘의 문제에 들어가요."),
        };
        return new ChatMessage(
            Say.In(language, $"Suggested question #{suggestion.Id} · by {suggestion.Author.DisplayName}", $"제안 문제 #{suggestion.Id} · {suggestion.Author.DisplayName} 님"),
            TextCut.ToLength(body.ToString().TrimEnd(), 3000), fields, buttons, footer);
    }

    /// <summary>A refused form: every error by field, and a button that opens the form again with what was typed.</summary>
    public static ChatMessage Refused(IReadOnlyDictionary<string, RuleBreak> errors, string draftToken, Language language)
    {
        var body = new StringBuilder();
        foreach (var (field, error) in errors)
            body.Append("• **").Append(FieldName(field, language)).Append("**: ").Append(error.In(language)).Append('\n');
        body.Append(Say.In(language, "\nNothing was saved. Your text is kept: press the button to fix it.", "\n저장하지 않았어요. 쓴 내용은 남아 있으니 버튼을 눌러 고치세요."));
        return new ChatMessage(Say.In(language, "Please fix the suggestion", "제안 문제를 고쳐 주세요"), body.ToString(), [],
            [new ChatButton(ButtonIds.ResendSuggestion(draftToken), Say.In(language, "Edit and resend", "고쳐서 다시 보내기"))]);
    }

    public static string FieldName(string field, Language language) => field switch
    {
        SuggestionDraft.PromptField => Say.In(language, "Question", "문제"),
        SuggestionDraft.ChoicesField => Say.In(language, "Choices", "보기"),
        SuggestionDraft.AnswerField => Say.In(language, "Correct letter(s)", "정답 글자"),
        SuggestionDraft.ExplanationField => Say.In(language, "Explanation", "해설"),
        _ => Say.In(language, "Topic", "주제"),
    };

    public static string DecidedBy(Suggestion current, Language language) => current.Status switch
    {
        SuggestionStatus.Approved => Say.In(language, $"Already approved by {current.ReviewedBy}.", $"{current.ReviewedBy} 님이 이미 승인했어요."),
        SuggestionStatus.Rejected => Say.In(language, $"Already rejected by {current.ReviewedBy}.", $"{current.ReviewedBy} 님이 이미 거절했어요."),
        _ => Say.In(language, "It is still waiting for review.", "아직 검토를 기다리고 있어요."),
    };
}
