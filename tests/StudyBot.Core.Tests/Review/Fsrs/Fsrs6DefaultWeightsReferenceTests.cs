using StudyBot.Core.Review;

namespace StudyBot.Core.Tests.Review.Fsrs;

/// <summary>
/// FSRS-6 with its 21 default weights, transcribed from open-spaced-repetition/ts-fsrs
/// packages/fsrs/__tests__/FSRS-6.test.ts (commit 32b60814): 'memory state[long-term]', whose figures
/// ts-fsrs takes from fsrs-rs src/inference.rs (commit 037345fd, lines 836-841), and 'get retrievability'.
/// The reference checks toBeCloseTo(x, 4), that is |difference| below 5e-5; we use the same tolerance.
/// </summary>
public sealed class Fsrs6DefaultWeightsReferenceTests
{
    private static readonly DateTimeOffset Start = new(2022, 12, 29, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_weights_are_the_ones_the_reference_uses()
    {
        double[] reference =
        [
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
            0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
            0.0912, 0.0658, 0.1542,
        ];
        Assert.Equal(reference, FsrsParameters.DefaultWeights);
    }

    [Fact]
    public void Again_then_five_Goods_reach_the_reference_memory_state()
    {
        var scheduler = new FsrsScheduler(FsrsParameters.Default with { EnableFuzz = false });
        Rating[] ratings = [Rating.Again, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good];
        int[] daysBefore = [0, 0, 1, 3, 8, 21];
        var now = Start;
        var card = MemoryCard.New(now);
        for (var i = 0; i < ratings.Length; i++)
        {
            now = now.AddDays(daysBefore[i]);
            card = scheduler.Review(card, ratings[i], now, new Random(0));
        }

        Assert.InRange(card.Stability, 53.335106 - 5e-5, 53.335106 + 5e-5);
        Assert.InRange(card.Difficulty, 6.3574867 - 5e-5, 6.3574867 + 5e-5);
    }

    [Fact]
    public void A_first_Easy_is_due_when_recall_has_fallen_to_the_reference_value()
    {
        var scheduler = new FsrsScheduler(FsrsParameters.Default with { EnableFuzz = false });
        var card = scheduler.Review(MemoryCard.New(Start), Rating.Easy, Start, new Random(0));

        Assert.Equal(8.2956, card.Stability, 10);
        Assert.Equal(Start.AddDays(8), card.Due);
        Assert.InRange(scheduler.Retrievability(card, card.Due), 0.9024733 - 5e-8, 0.9024733 + 5e-8);
    }
}
