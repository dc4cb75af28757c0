using StudyBot.Core.Content;

namespace StudyBot.Core.Items;

/// <summary>How many answers of a group of members were given, and how many were right.</summary>
public sealed record GroupRecord(int Answered, int Correct)
{
    public double? Rate => Answered == 0 ? null : (double)Correct / Answered;
}

/// <summary>
/// The item analysis of one question. "Correct" is judged against the pack's current key, so a key
/// fixed after the answers were given shows its effect at once.
/// </summary>
/// <param name="ChoiceCounts">Per choice index, the answers that picked it; a "choose two" answer picks two, so the shares add up to 200 %.</param>
/// <param name="Top">The top group's answers to this question (see <see cref="DiscriminationGroups"/>).</param>
/// <param name="Discrimination">Top group's correct rate minus the bottom group's, from -1 to 1; null when either group gave fewer than <see cref="ItemAnalysis.MinimumGroupAnswers"/> answers here.</param>
/// <param name="DeadDistractors">Wrong choices nobody picked (flagged only from <see cref="ItemAnalysis.MinimumAnswersForFlags"/> answers).</param>
/// <param name="TopGroupFavourites">Wrong choices the top group picked more often than a key choice.</param>
public sealed record ItemStats(
    string PackId,
    Question Question,
    int Answered,
    int Correct,
    IReadOnlyList<int> ChoiceCounts,
    GroupRecord Top,
    GroupRecord Bottom,
    double? Discrimination,
    IReadOnlyList<ItemFlag> Flags,
    IReadOnlyList<int> DeadDistractors,
    IReadOnlyList<int> TopGroupFavourites)
{
    public double? CorrectRate => Answered == 0 ? null : (double)Correct / Answered;

    /// <summary>The share of answers that picked the choice, 0 to 1; null without answers.</summary>
    public double? Share(int choice) => Answered == 0 ? null : (double)ChoiceCounts[choice] / Answered;
}

/// <summary>The item analysis of the questions a filter selected, in pack order.</summary>
/// <param name="RankedMembers">Members with enough answers to be ranked for the discrimination groups.</param>
/// <param name="UnknownAnswers">Answers to questions no loaded pack has any more (not analysed).</param>
public sealed record ItemReport(IReadOnlyList<ItemStats> Questions, int Members, int RankedMembers, DiscriminationGroups Groups, int UnknownAnswers)
{
    public int Answers => Questions.Sum(q => q.Answered);

    /// <summary>Only the questions of the topic (all when null); the ranking and member counts stay the pack's.</summary>
    public ItemReport ForTopic(string? topicId) => topicId is null
        ? this
        : this with { Questions = Questions.Where(q => string.Equals(q.Question.TopicId, topicId, StringComparison.OrdinalIgnoreCase)).ToList() };
}

/// <summary>Which questions to analyse: one pack (or every pack) and optionally one topic.</summary>
public sealed record ItemFilter(string? PackId = null, string? TopicId = null);
