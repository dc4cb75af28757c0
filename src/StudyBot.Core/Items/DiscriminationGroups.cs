using StudyBot.Core.Storage;

namespace StudyBot.Core.Items;

/// <summary>
/// The top and bottom 27 % of members by overall accuracy (Kelley's groups), between which the
/// discrimination index compares a question's correct rate.
/// <list type="bullet">
/// <item>Only members with at least <see cref="MinimumAnswersToRank"/> answers are ranked: one lucky
/// answer (1 of 1) would otherwise put a newcomer at the top. Their answers still count everywhere else.</item>
/// <item>Group size k = 27 % of the ranked members, rounded half up, at least 1; with fewer than 2 ranked
/// members there are no groups.</item>
/// <item>Ties at the cut: every member as accurate as the k-th best is in the top group, and every member
/// as accurate as the k-th worst in the bottom group, so equal records are never split by an arbitrary
/// order (a group may then hold more than 27 %). When the k-th best and k-th worst are equally accurate
/// (everyone ties, say) the groups would overlap, and there are none: nothing separates strong from weak.</item>
/// </list>
/// </summary>
public sealed record DiscriminationGroups(IReadOnlySet<long> Top, IReadOnlySet<long> Bottom)
{
    public const int MinimumAnswersToRank = 5;
    public const double GroupShare = 0.27;

    public static readonly DiscriminationGroups None = new(new HashSet<long>(), new HashSet<long>());

    public bool Exist => Top.Count > 0 && Bottom.Count > 0;

    public ItemGroup Of(long userId) =>
        Top.Contains(userId) ? ItemGroup.Top : Bottom.Contains(userId) ? ItemGroup.Bottom : ItemGroup.Middle;

    public static DiscriminationGroups From(IEnumerable<MemberTally> members)
    {
        // Best first; accuracies compared as exact fractions so 2/3 and 4/6 tie.
        var ranked = members.Where(m => m.Answered >= MinimumAnswersToRank).ToList();
        ranked.Sort((a, b) => Compare(b, a));
        if (ranked.Count < 2) return None;
        var k = Math.Max(1, (int)Math.Round(ranked.Count * GroupShare, MidpointRounding.AwayFromZero));
        var (kthBest, kthWorst) = (ranked[k - 1], ranked[^k]);
        if (Compare(kthBest, kthWorst) <= 0) return None;
        return new DiscriminationGroups(
            ranked.Where(m => Compare(m, kthBest) >= 0).Select(m => m.UserId).ToHashSet(),
            ranked.Where(m => Compare(m, kthWorst) <= 0).Select(m => m.UserId).ToHashSet());
    }

    private static int Compare(MemberTally a, MemberTally b) =>
        ((long)a.Correct * b.Answered).CompareTo((long)b.Correct * a.Answered);
}
