using StudyBot.Core.Chat;
using StudyBot.Core.Content;

namespace StudyBot.Core.Study;

/// <summary>
/// Turns a click into the picked choices, for daily and practice questions alike: rejects choices the
/// question does not have, and for "choose two" asks for the second pick before anything is recorded.
/// </summary>
internal static class AnswerPicks
{
    /// <returns>The reply to send instead of recording (invalid click, or the second-pick step); null when <paramref name="picked"/> is a whole answer.</returns>
    public static ChatReply? Resolve(Question question, int choice, int earlierChoice, Language language, Func<int, string> secondPickButton, out int[] picked)
    {
        picked = [];
        var choiceCount = StudyCards.ChoiceTexts(question, language).Count;
        if (choice >= choiceCount || earlierChoice >= choiceCount || (earlierChoice >= 0 && question.ChoicesToPick != 2))
            return AnswerDesk.InvalidChoice(language);
        if (question.ChoicesToPick == 2 && earlierChoice < 0)
            return new ChatReply(StudyCards.SecondPick(question, choice, secondPickButton, language), true);
        picked = earlierChoice >= 0 ? [earlierChoice, choice] : [choice];
        return null;
    }
}
