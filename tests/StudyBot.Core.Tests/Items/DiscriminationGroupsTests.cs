using StudyBot.Core.Items;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Tests.Items;

public class DiscriminationGroupsTests
{
    /// <summary>
    /// member | correct/answered | accuracy | ranked (>= 5 answers)
    /// 1      | 10/10            | 1.0      | yes  ← top
    /// 2      |  9/10            | 0.9      | yes  ← top
    /// 3      |  8/10            | 0.8      | yes  ← top (the 3rd best: k = round(10 × 0.27) = round(2.7) = 3)
    /// 4      |  8/10            | 0.8      | yes  ← top too: ties the 3rd best at the cut
    /// 5      |  6/10            | 0.6      | yes
    /// 6, 7   |  5/10            | 0.5      | yes
    /// 8      |  3/10            | 0.3      | yes  ← bottom (the 3rd worst)
    /// 9      |  2/10            | 0.2      | yes  ← bottom
    /// 10     |  1/10            | 0.1      | yes  ← bottom
    /// 11     |  4/4             | 1.0      | no: 4 answers
    /// </summary>
    public static readonly MemberTally[] TenRankedMembers =
    [
        new(1, 10, 10), new(2, 10, 9), new(3, 10, 8), new(4, 10, 8), new(5, 10, 6),
        new(6, 10, 5), new(7, 10, 5), new(8, 10, 3), new(9, 10, 2), new(10, 10, 1), new(11, 4, 4),
    ];

    [Fact]
    public void The_top_and_bottom_27_percent_take_in_members_tied_at_the_cut_and_leave_out_members_with_few_answers()
    {
        var groups = DiscriminationGroups.From(TenRankedMembers);

        Assert.Equal([1L, 2, 3, 4], groups.Top.Order());
        Assert.Equal([8L, 9, 10], groups.Bottom.Order());
        Assert.Equal(ItemGroup.Middle, groups.Of(11));
        Assert.Equal(ItemGroup.Middle, groups.Of(5));
        Assert.Equal(ItemGroup.Top, groups.Of(4));
        Assert.Equal(ItemGroup.Bottom, groups.Of(8));
    }

    [Fact]
    public void Accuracies_tie_as_fractions_not_as_rounded_doubles()
    {
        // 2/3 and 4/6 are equal: both in the top group (k = round(6 × 0.27) = 2, the 2nd best is 4/6).
        var groups = DiscriminationGroups.From([new(1, 6, 6), new(2, 6, 4), new(3, 9, 6), new(4, 6, 3), new(5, 6, 2), new(6, 6, 1)]);

        Assert.Equal([1L, 2, 3], groups.Top.Order());
        Assert.Equal([5L, 6], groups.Bottom.Order());
    }

    [Fact]
    public void Two_ranked_members_make_a_group_of_one_each()
    {
        var groups = DiscriminationGroups.From([new(1, 5, 5), new(2, 5, 1)]);

        Assert.Equal([1L], groups.Top);
        Assert.Equal([2L], groups.Bottom);
    }

    [Fact]
    public void One_member_makes_no_groups() =>
        Assert.False(DiscriminationGroups.From([new(1, 50, 40)]).Exist);

    [Fact]
    public void No_members_make_no_groups() =>
        Assert.False(DiscriminationGroups.From([]).Exist);

    [Fact]
    public void When_everyone_ties_nothing_separates_strong_from_weak_and_there_are_no_groups()
    {
        var groups = DiscriminationGroups.From(Enumerable.Range(1, 8).Select(id => new MemberTally(id, 10, 7)));

        Assert.False(groups.Exist);
        Assert.Empty(groups.Top);
        Assert.Empty(groups.Bottom);
    }

    [Fact]
    public void When_the_cut_falls_inside_one_tie_reaching_both_ends_there_are_no_groups()
    {
        // k = round(4 × 0.27) = 1: the best (1.0) differs from the worst (0.5), so groups exist ...
        Assert.True(DiscriminationGroups.From([new(1, 5, 5), new(2, 10, 5), new(3, 10, 5), new(4, 10, 5)]).Exist);
        // ... but with k = round(8 × 0.27) = 2 the 2nd best and the 2nd worst are both 0.5: no groups.
        Assert.False(DiscriminationGroups.From([new(1, 5, 5), .. Enumerable.Range(2, 6).Select(id => new MemberTally(id, 10, 5)), new(8, 5, 0)]).Exist);
    }
}
