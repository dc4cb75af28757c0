using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Items;

/// <summary>
/// Item analysis over the stored answers: ranks the members of the selected pack (all packs when none),
/// forms the discrimination groups, then analyses the pack's questions, narrowed to a topic if asked.
/// The topic narrows the questions shown, not the ranking: a handful of questions is too few to tell
/// strong members from weak ones. So a pack's analysis serves every topic of it (<see cref="ItemReport.ForTopic"/>).
/// </summary>
public sealed class ItemAnalyzer(IItemAnalysisQueries queries, ContentCatalog catalog)
{
    /// <exception cref="ArgumentException">The filter names a pack that is not loaded.</exception>
    public async Task<ItemReport> AnalyzeAsync(ItemFilter filter, CancellationToken cancellationToken) =>
        (await AnalyzePackAsync(filter.PackId, cancellationToken)).ForTopic(filter.TopicId);

    /// <summary>Every question of the pack (of every pack when null), whatever the topic.</summary>
    /// <exception cref="ArgumentException">No loaded pack is called <paramref name="packId"/>.</exception>
    public async Task<ItemReport> AnalyzePackAsync(string? packId, CancellationToken cancellationToken)
    {
        var packs = Packs(packId);
        var resolvedId = packId is null ? null : packs[0].Id;

        var members = await queries.MemberTalliesAsync(resolvedId, cancellationToken);
        var groups = DiscriminationGroups.From(members);
        var tallies = await queries.ChoiceTalliesAsync(resolvedId, groups.Top, groups.Bottom, cancellationToken);

        var questions = packs.SelectMany(p => p.Questions.Select(q => (PackId: p.Id, Question: q))).ToList();
        var known = questions.Select(q => (q.PackId, q.Question.Id)).ToHashSet();
        var unknown = tallies.Where(t => !known.Contains((t.PackId, t.QuestionId))).Sum(t => t.Count);
        return new ItemReport(ItemAnalysis.Analyze(questions, tallies), members.Count,
            members.Count(m => m.Answered >= DiscriminationGroups.MinimumAnswersToRank), groups, unknown);
    }

    /// <summary>The pack's id as loaded (ids match case-insensitively), null for every pack.</summary>
    /// <exception cref="ArgumentException">No loaded pack is called <paramref name="packId"/>.</exception>
    public string? ResolvePackId(string? packId) => packId is null ? null : Packs(packId)[0].Id;

    private IReadOnlyList<ContentPack> Packs(string? packId) => packId is null
        ? catalog.Packs
        : [catalog.Find(packId) ?? throw new ArgumentException($"No loaded pack is called '{packId}'.", nameof(packId))];
}
