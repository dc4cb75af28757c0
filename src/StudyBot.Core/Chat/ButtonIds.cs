using System.Globalization;

namespace StudyBot.Core.Chat;

/// <summary>What a button means, parsed from its id.</summary>
public abstract record ButtonAction
{
    /// <summary>A choice on a channel's daily question (post id, zero-based choice, choice picked before or -1).</summary>
    public sealed record DailyAnswer(long PostId, int Choice, int EarlierChoice) : ButtonAction;

    /// <summary>A choice on a private practice question (question id, zero-based choice, choices picked before).</summary>
    public sealed record PracticeAnswer(string QuestionId, int Choice, int EarlierChoice) : ButtonAction;

    /// <summary>A choice on a <c>/review</c> card (the card's review count when shown, question id, choice, choice picked before or -1).</summary>
    public sealed record ReviewAnswer(int Reps, string QuestionId, int Choice, int EarlierChoice) : ButtonAction;

    /// <summary>"Hard" or "Easy" after a correct <c>/review</c> answer: re-grades that review.</summary>
    public sealed record Regrade(long ReviewId, Review.Rating Rating) : ButtonAction;
    /// <summary>"Start review" on a reminder: handled as the <c>review</c> command would be.</summary>
    public sealed record StartReview : ButtonAction;

    /// <summary>Approve, Edit or Reject on a suggestion waiting for review.</summary>
    public sealed record ReviewSuggestion(long SuggestionId, SuggestionVerdict Verdict) : ButtonAction;

    /// <summary>"Edit and resend" under a refused <c>/suggest</c> form: opens it again with what was typed.</summary>
    public sealed record ResendSuggestion(string DraftToken) : ButtonAction;
}

/// <summary>What a reviewer's click on a suggestion asks for.</summary>
public enum SuggestionVerdict
{
    Approve,
    Edit,
    Reject,
}

/// <summary>
/// The one place button ids are written and read. Ids are short (Discord allows 100 chars,
/// Slack 255) and carry no secrets: every click is checked against storage anyway.
/// </summary>
public static class ButtonIds
{
    private const string DailyPrefix = "sb:a:";
    private const string PracticePrefix = "sb:p:";
    private const string ReviewPrefix = "sb:r:";
    private const string RegradePrefix = "sb:g:";
    private const string SuggestionPrefix = "sb:s:";
    private const string ResendPrefix = "sb:sr:";

    /// <summary>The "Start review" button of a review reminder (it carries nothing: the clicker is the member).</summary>
    public const string StartReview = "sb:rv:start";

    /// <param name="earlierChoice">For "choose two": the choice already picked, or -1. Carrying it in
    /// the id keeps a half-made answer out of storage: nothing is recorded until it is whole.</param>
    public static string Daily(long postId, int choice, int earlierChoice = -1) =>
        string.Create(CultureInfo.InvariantCulture, $"{DailyPrefix}{postId}:{choice}:{earlierChoice}");

    /// <param name="earlierChoice">For "choose two": the choice already picked, or -1.</param>
    public static string Practice(string questionId, int choice, int earlierChoice = -1) =>
        string.Create(CultureInfo.InvariantCulture, $"{PracticePrefix}{questionId}:{choice}:{earlierChoice}");

    /// <param name="reps">The card's review count when the card was shown: a click after the card was
    /// reviewed again (another message, a daily answer) is stale and records nothing.</param>
    public static string Review(int reps, string questionId, int choice, int earlierChoice = -1) =>
        string.Create(CultureInfo.InvariantCulture, $"{ReviewPrefix}{reps}:{questionId}:{choice}:{earlierChoice}");

    /// <param name="rating">Hard or Easy (Good is what a correct answer already recorded).</param>
    public static string Regrade(long reviewId, Review.Rating rating) =>
        string.Create(CultureInfo.InvariantCulture, $"{RegradePrefix}{reviewId}:{(int)rating}");

    public static string ReviewSuggestion(long suggestionId, SuggestionVerdict verdict) =>
        string.Create(CultureInfo.InvariantCulture, $"{SuggestionPrefix}{VerdictCode(verdict)}:{suggestionId}");

    /// <param name="draftToken">The key of what was typed, held by the core for a while (too long for an id itself).</param>
    public static string ResendSuggestion(string draftToken) => ResendPrefix + draftToken;

    private static char VerdictCode(SuggestionVerdict verdict) => verdict switch
    {
        SuggestionVerdict.Approve => 'a',
        SuggestionVerdict.Edit => 'e',
        _ => 'r',
    };

    public static bool TryParse(string? id, out ButtonAction action)
    {
        action = null!;
        if (string.IsNullOrEmpty(id) || id.Length > 255) return false;
        if (id == StartReview)
        {
            action = new ButtonAction.StartReview();
            return true;
        }
        if (id.StartsWith(DailyPrefix, StringComparison.Ordinal))
        {
            var parts = id[DailyPrefix.Length..].Split(':');
            if (parts.Length == 3 && TryId(parts[0], out var postId) && TryChoice(parts[1], out var choice)
                && TryEarlier(parts[2], choice, out var earlier))
            {
                action = new ButtonAction.DailyAnswer(postId, choice, earlier);
                return true;
            }
        }
        else if (id.StartsWith(PracticePrefix, StringComparison.Ordinal))
        {
            var parts = id[PracticePrefix.Length..].Split(':');
            if (parts.Length == 3 && parts[0].Length > 0 && TryChoice(parts[1], out var choice)
                && TryEarlier(parts[2], choice, out var earlier))
            {
                action = new ButtonAction.PracticeAnswer(parts[0], choice, earlier);
                return true;
            }
        }
        else if (id.StartsWith(ReviewPrefix, StringComparison.Ordinal))
        {
            var parts = id[ReviewPrefix.Length..].Split(':');
            if (parts.Length == 4 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var reps)
                && parts[1].Length > 0 && TryChoice(parts[2], out var choice) && TryEarlier(parts[3], choice, out var earlier))
            {
                action = new ButtonAction.ReviewAnswer(reps, parts[1], choice, earlier);
                return true;
            }
        }
        else if (id.StartsWith(SuggestionPrefix, StringComparison.Ordinal))
        {
            var parts = id[SuggestionPrefix.Length..].Split(':');
            SuggestionVerdict? verdict = parts[0] switch { "a" => SuggestionVerdict.Approve, "e" => SuggestionVerdict.Edit, "r" => SuggestionVerdict.Reject, _ => null };
            if (parts.Length == 2 && verdict is { } known && TryId(parts[1], out var suggestionId))
            {
                action = new ButtonAction.ReviewSuggestion(suggestionId, known);
                return true;
            }
        }
        else if (id.StartsWith(ResendPrefix, StringComparison.Ordinal))
        {
            var token = id[ResendPrefix.Length..];
            if (token.Length is > 0 and <= 32 && token.All(char.IsAsciiLetterOrDigit))
            {
                action = new ButtonAction.ResendSuggestion(token);
                return true;
            }
        }
        else if (id.StartsWith(RegradePrefix, StringComparison.Ordinal))
        {
            var parts = id[RegradePrefix.Length..].Split(':');
            if (parts.Length == 2 && TryId(parts[0], out var reviewId) && parts[1] is "2" or "4")
            {
                action = new ButtonAction.Regrade(reviewId, (Review.Rating)int.Parse(parts[1], CultureInfo.InvariantCulture));
                return true;
            }
        }
        return false;
    }

    private static bool TryId(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static bool TryEarlier(string text, int choice, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
        && value is >= -1 and < 5 && value != choice;

    private static bool TryChoice(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 0 and < 5;
}
