using StudyBot.Core.Content;
using StudyBot.Core.Items;
using StudyBot.Core.Storage;
using StudyBot.Testing;
using static StudyBot.Core.Storage.ItemGroup;

namespace StudyBot.Core.Tests.Items;

/// <summary>
/// The numbers against a hand computation. Choices are zero-based (A = 0); T/M/B = top, middle, bottom group.
/// <code>
/// question        key  answers (group: choices × count)          n   right  %right  shares A/B/C/D          top    bottom  D               flags
/// q-disc          A    T:A×4  M:A×2 B×2  B:A×1 C×2               11  7      63.6    7/11 2/11 2/11 0        4/4    1/3     1-0.333=+0.667  none (D unpicked, but 11 &lt; 20)
/// q-easy          A    M:A×19 B×1                                20  19     95.0    19/20 1/20 0 0          -      -       null            too easy; dead C, D
/// q-ninety        A    M:A×18 B×1 C×1                            20  18     90.0    .90 .05 .05 0           -      -       null            dead D (90 % is not above 90 %)
/// q-easy-few      A    M:A×19                                    19  19     100     1 0 0 0                 -      -       null            none (19 &lt; 20)
/// q-hard          A    M:A×4 B×8 C×4 D×4                         20  4      20.0    .2 .4 .2 .2             -      -       null            too hard
/// q-hard-edge     A    M:A×5 B×5 C×5 D×5                         20  5      25.0    .25 each                -      -       null            none (25 % is not below 25 %)
/// q-negative      A    T:A×1 B×3  B:A×3                          7   4      57.1    4/7 3/7 0 0             1/4    3/3     .25-1=-0.75     suspect key (D &lt; 0; and B×3 &gt; A×1 in top)
/// q-favourite     A,B  T:AC×3 AB×2  B:CD×3                       8   2      25.0    5/8 2/8 6/8 3/8 (=200%) 2/5    0/3     .4-0=+0.4       suspect key (top picks C 3 &gt; B 2, the less-picked key)
/// q-small-group   A    T:A×2  B:B×5                              7   2      28.6    2/7 5/7 0 0             2/2    0/5     null (top 2&lt;3) none
/// q-true-false    F    M:F×20                                    20  20     100     True 0, False 1         -      -       null            too easy; dead True
/// q-none          A    (no answers)                              0   0      null    null                    -      -       null            none
/// </code>
/// </summary>
public class ItemAnalysisTests
{
    private const string Pack = "p";

    private static readonly ChoiceTally[] Tallies =
    [
        new(Pack, "q-disc", "0", Top, 4), new(Pack, "q-disc", "0", Middle, 2), new(Pack, "q-disc", "1", Middle, 2),
        new(Pack, "q-disc", "0", Bottom, 1), new(Pack, "q-disc", "2", Bottom, 2),
        new(Pack, "q-easy", "0", Middle, 19), new(Pack, "q-easy", "1", Middle, 1),
        new(Pack, "q-ninety", "0", Middle, 18), new(Pack, "q-ninety", "1", Middle, 1), new(Pack, "q-ninety", "2", Middle, 1),
        new(Pack, "q-easy-few", "0", Middle, 19),
        new(Pack, "q-hard", "0", Middle, 4), new(Pack, "q-hard", "1", Middle, 8), new(Pack, "q-hard", "2", Middle, 4), new(Pack, "q-hard", "3", Middle, 4),
        new(Pack, "q-hard-edge", "0", Middle, 5), new(Pack, "q-hard-edge", "1", Middle, 5), new(Pack, "q-hard-edge", "2", Middle, 5), new(Pack, "q-hard-edge", "3", Middle, 5),
        new(Pack, "q-negative", "0", Top, 1), new(Pack, "q-negative", "1", Top, 3), new(Pack, "q-negative", "0", Bottom, 3),
        new(Pack, "q-favourite", "0,2", Top, 3), new(Pack, "q-favourite", "0,1", Top, 2), new(Pack, "q-favourite", "2,3", Bottom, 3),
        new(Pack, "q-small-group", "0", Top, 2), new(Pack, "q-small-group", "1", Bottom, 5),
        new(Pack, "q-true-false", "1", Middle, 20),
        new("other-pack", "q-disc", "1", Top, 50),
    ];

    private static readonly Dictionary<string, ItemStats> Results = ItemAnalysis.Analyze(
        [
            .. new[] { "q-disc", "q-easy", "q-ninety", "q-easy-few", "q-hard", "q-hard-edge", "q-negative", "q-small-group", "q-none" }
                .Select(id => (Pack, Packs.Question(id, "t", correct: 0, choices: 4))),
            (Pack, Packs.Question("q-favourite", "t", 0, 4, QuestionKind.ChooseTwo, 1)),
            (Pack, Packs.Question("q-true-false", "t", 1, kind: QuestionKind.TrueFalse)),
        ],
        Tallies).ToDictionary(s => s.Question.Id);

    [Fact]
    public void Answered_correct_shares_and_discrimination_match_the_hand_computation()
    {
        var q = Results["q-disc"];

        Assert.Equal((11, 7), (q.Answered, q.Correct));
        Assert.Equal(7 / 11.0, q.CorrectRate!.Value, 9);
        Assert.Equal([7, 2, 2, 0], q.ChoiceCounts);
        Assert.Equal(2 / 11.0, q.Share(1)!.Value, 9);
        Assert.Equal(new GroupRecord(4, 4), q.Top);
        Assert.Equal(new GroupRecord(3, 1), q.Bottom);
        Assert.Equal(1 - 1 / 3.0, q.Discrimination!.Value, 9);
        Assert.Empty(q.Flags);
    }

    [Fact]
    public void Tallies_of_the_same_question_id_in_another_pack_are_not_mixed_in() =>
        Assert.Equal(11, Results["q-disc"].Answered);

    [Theory]
    [InlineData("q-easy", new[] { ItemFlag.TooEasy, ItemFlag.DeadDistractor })]
    [InlineData("q-ninety", new[] { ItemFlag.DeadDistractor })]
    [InlineData("q-easy-few", new ItemFlag[0])]
    [InlineData("q-hard", new[] { ItemFlag.TooHard })]
    [InlineData("q-hard-edge", new ItemFlag[0])]
    [InlineData("q-negative", new[] { ItemFlag.SuspectKey })]
    [InlineData("q-favourite", new[] { ItemFlag.SuspectKey })]
    [InlineData("q-small-group", new ItemFlag[0])]
    [InlineData("q-true-false", new[] { ItemFlag.TooEasy, ItemFlag.DeadDistractor })]
    [InlineData("q-none", new ItemFlag[0])]
    public void Each_question_gets_the_flags_of_the_hand_computation(string question, ItemFlag[] flags) =>
        Assert.Equal(flags, Results[question].Flags);

    [Fact]
    public void Dead_distractors_name_the_wrong_choices_nobody_picked()
    {
        Assert.Equal([2, 3], Results["q-easy"].DeadDistractors);
        Assert.Equal([3], Results["q-ninety"].DeadDistractors);
        Assert.Equal([0], Results["q-true-false"].DeadDistractors);
        Assert.Empty(Results["q-easy-few"].DeadDistractors);
    }

    [Fact]
    public void A_negative_discrimination_makes_the_key_suspect()
    {
        var q = Results["q-negative"];

        Assert.Equal(0.25 - 1.0, q.Discrimination!.Value, 9);
        Assert.Equal([1], q.TopGroupFavourites);
    }

    [Fact]
    public void A_choose_two_question_counts_each_pick_and_suspects_a_wrong_choice_the_top_group_prefers_to_a_key_choice()
    {
        var q = Results["q-favourite"];

        Assert.Equal((8, 2), (q.Answered, q.Correct));
        Assert.Equal([5, 2, 6, 3], q.ChoiceCounts);
        Assert.Equal(2.0, Enumerable.Range(0, 4).Sum(c => q.Share(c)!.Value), 9);
        Assert.Equal(0.4, q.Discrimination!.Value, 9);
        Assert.Equal([2], q.TopGroupFavourites);
    }

    [Fact]
    public void Fewer_than_three_answers_from_a_group_give_no_discrimination()
    {
        var q = Results["q-small-group"];

        Assert.Equal(new GroupRecord(2, 2), q.Top);
        Assert.Null(q.Discrimination);
        Assert.Empty(q.TopGroupFavourites);
    }

    [Fact]
    public void A_question_without_answers_has_no_rates_and_no_flags()
    {
        var q = Results["q-none"];

        Assert.Equal(0, q.Answered);
        Assert.Null(q.CorrectRate);
        Assert.Null(q.Share(0));
        Assert.Null(q.Discrimination);
        Assert.Empty(q.Flags);
    }

    [Fact]
    public void Correctness_follows_the_current_key_and_a_choice_the_question_no_longer_has_counts_as_wrong()
    {
        // Stored as answered when the key was B; the pack now says A. "4" is a fifth choice since removed.
        var q = ItemAnalysis.Analyze([(Pack, Packs.Question("q", "t", correct: 0, choices: 4))],
            [new(Pack, "q", "0", Middle, 3), new(Pack, "q", "1", Middle, 2), new(Pack, "q", "4", Middle, 1)]).Single();

        Assert.Equal((6, 3), (q.Answered, q.Correct));
        Assert.Equal([3, 2, 0, 0], q.ChoiceCounts);
    }
}
