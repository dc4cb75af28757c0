using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Items;

/// <summary>
/// Item analysis over the stored answers: ranks the members of the selected pack (all packs when none),
/// forms the discrimination groups, then analyses the pack's questions, narrowed to a topic if asked.
/// The topic narrows the questions shown, not the ranking: a handful of questions is too few to tell
/// strong members from weak ones.
/// </summary>
public sealed class ItemAnalyzer(IItemAnalysisQueries queries, ContentCatalog catalog)
{
    /// <exception cref="ArgumentException">The filter names a pack that is not loaded.</exception>
    public async Task<ItemReport> AnalyzeAsync(ItemFilter filter, CancellationToken cancellationToken)
    {
        var packs = filter.PackId is null
            ? catalog.Packs
            : [catalog.Find(filter.PackId) ?? throw new ArgumentException($"No loaded pack is called '{filter.PackId}'.", nameof(filter))];
        var packId = filter.PackId is null ? null : packs[0].Id;

        var members = await queries.MemberTalliesAsync(packId, cancellationToken);
        var groups = DiscriminationGroups.From(members);
        var tallies = await queries.ChoiceTalliesAsync(packId, groups.Top, groups.Bottom, cancellationToken);

        var questions = packs
            .SelectMany(p => p.Questions.Select(q => (PackId: p.Id, Question: q)))
            .Where(q => filter.TopicId is null || string.Equals(q.Question.TopicId, filter.TopicId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var known = packs.SelectMany(p => p.Questions.Select(q => (p.Id, q.Id))).ToHashSet();
        var unknown = tallies.Where(t => !known.Contains((t.PackId, t.QuestionId))).Sum(t => t.Count);
        return new ItemReport(ItemAnalysis.Analyze(questions, tallies), members.Count,
            members.Count(m => m.Answered >= DiscriminationGroups.MinimumAnswersToRank), groups, unknown);
    }
}
