using System.Globalization;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Items;

/// <summary>
/// Classical item analysis of daily questions: how many answered, the share right, the share of each
/// choice, the discrimination index and the flags an author should look at. Pure: counts in, numbers out.
/// </summary>
public static class ItemAnalysis
{
    /// <summary>"Too easy", "too hard" and "dead distractor" need this many answers: below it a 19-of-19 or an unpicked choice is chance, not a verdict.</summary>
    public const int MinimumAnswersForFlags = 20;

    public const double TooEasyAbove = 0.90;
    public const double TooHardBelow = 0.25;

    /// <summary>The discrimination index (and so "suspect key") needs this many answers from each group: one answer per group gives only -1, 0 or 1.</summary>
    public const int MinimumGroupAnswers = 3;

    /// <summary>One <see cref="ItemStats"/> per question, in the order given; tallies of other questions are ignored.</summary>
    public static IReadOnlyList<ItemStats> Analyze(IEnumerable<(string PackId, Question Question)> questions, IEnumerable<ChoiceTally> tallies)
    {
        var byQuestion = tallies.ToLookup(t => (t.PackId, t.QuestionId));
        return questions.Select(q => Analyze(q.PackId, q.Question, byQuestion[(q.PackId, q.Question.Id)])).ToList();
    }

    public static int ChoiceCount(Question question) => question.Kind == QuestionKind.TrueFalse ? 2 : question.Choices.Count;

    private static ItemStats Analyze(string packId, Question question, IEnumerable<ChoiceTally> tallies)
    {
        var choiceCount = ChoiceCount(question);
        var counts = new int[choiceCount];
        var topCounts = new int[choiceCount];
        int answered = 0, correct = 0, topAnswered = 0, topCorrect = 0, bottomAnswered = 0, bottomCorrect = 0;
        foreach (var tally in tallies)
        {
            var picked = Parse(tally.Choices);
            var right = question.IsCorrect(picked) ? tally.Count : 0;
            answered += tally.Count;
            correct += right;
            // A choice the question no longer has (edited since) still makes the answer count, as wrong.
            foreach (var choice in picked.Where(c => c < choiceCount))
            {
                counts[choice] += tally.Count;
                if (tally.Group == ItemGroup.Top) topCounts[choice] += tally.Count;
            }
            if (tally.Group == ItemGroup.Top) (topAnswered, topCorrect) = (topAnswered + tally.Count, topCorrect + right);
            if (tally.Group == ItemGroup.Bottom) (bottomAnswered, bottomCorrect) = (bottomAnswered + tally.Count, bottomCorrect + right);
        }

        var (top, bottom) = (new GroupRecord(topAnswered, topCorrect), new GroupRecord(bottomAnswered, bottomCorrect));
        double? discrimination = topAnswered >= MinimumGroupAnswers && bottomAnswered >= MinimumGroupAnswers
            ? top.Rate - bottom.Rate
            : null;
        var wrong = Enumerable.Range(0, choiceCount).Where(c => !question.CorrectChoices.Contains(c)).ToList();
        var keyPicks = question.CorrectChoices.Where(c => c < choiceCount).Select(c => topCounts[c]).DefaultIfEmpty(0).Min();
        var favourites = topAnswered >= MinimumGroupAnswers ? wrong.Where(c => topCounts[c] > keyPicks).ToList() : [];
        var enough = answered >= MinimumAnswersForFlags;
        var dead = enough ? wrong.Where(c => counts[c] == 0).ToList() : [];

        var flags = new List<ItemFlag>();
        var rate = answered == 0 ? 0 : (double)correct / answered;
        if (enough && rate > TooEasyAbove) flags.Add(ItemFlag.TooEasy);
        if (enough && rate < TooHardBelow) flags.Add(ItemFlag.TooHard);
        if (discrimination < 0 || favourites.Count > 0) flags.Add(ItemFlag.SuspectKey);
        if (dead.Count > 0) flags.Add(ItemFlag.DeadDistractor);
        return new ItemStats(packId, question, answered, correct, counts, top, bottom, discrimination, flags, dead, favourites);
    }

    /// <summary>The stored form "0,2" as indexes; anything unreadable is skipped rather than failing the whole report.</summary>
    private static HashSet<int> Parse(string choices) =>
        choices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1)
            .Where(index => index >= 0)
            .ToHashSet();
}
