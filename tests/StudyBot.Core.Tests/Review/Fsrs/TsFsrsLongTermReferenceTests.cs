using StudyBot.Core.Review;

namespace StudyBot.Core.Tests.Review.Fsrs;

/// <summary>
/// Transcribed from open-spaced-repetition/ts-fsrs, packages/fsrs/__tests__/impl/long-term_scheduler.test.ts,
/// tests 'test1', 'test2', 'test3', commit cdec8d2f8340f8e62ced596c1da02e20e70073f0. The reference passes 19
/// FSRS-5 weights with enable_short_term: false; ts-fsrs migrates them to FSRS-6 by appending w19 = 0 and
/// w20 = 0.5 (default.ts, FSRS5_DEFAULT_DECAY), which is what we pass. Fuzz off (generatorParameters' default).
/// The reference compares with toEqual on values rounded to 8 decimals; we allow 1e-8.
/// </summary>
public sealed class TsFsrsLongTermReferenceTests
{
    private static readonly double[] ReferenceWeights =
    [
        0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597,
        0.1712, 1.1178, 2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891,
        0.6468, 0.0, 0.5,
    ];

    private const Rating A = Rating.Again, H = Rating.Hard, G = Rating.Good, E = Rating.Easy;

    public static TheoryData<string, Rating[], int[], double[], double[]> Cases => new()
    {
        {
            "test1",
            [G, G, G, G, G, G, A, A, G, G, G, G, G],
            [3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773],
            [3.0412, 13.09130698, 48.15848988, 154.93732625, 445.05562739, 1158.07779739, 16.63063166,
                3.01732209, 11.42247264, 37.37521902, 111.8752758, 306.5974569, 772.94026648],
            [4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071,
                5.55956298, 5.26323756, 4.98688448, 4.72915759, 4.4888015, 4.26464541]
        },
        {
            "test2",
            [A, H, G, E, A, H, G, E],
            [1, 2, 6, 41, 4, 7, 21, 133],
            [0.4197, 1.0344317, 5.5356759, 41.0033667, 4.46605519, 6.67743292, 20.88868155, 132.81849454],
            [7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922, 5.36588547]
        },
        {
            "test3",
            [H, G, E, A, H, G, E, A],
            [2, 7, 54, 5, 8, 26, 171, 8],
            [1.1869, 6.59167572, 53.76078737, 5.0853693, 8.09786749, 25.52991279, 171.16195166, 8.11072373],
            [6.23225985, 5.89059466, 5.14583392, 5.884097, 5.99269555, 5.667177, 4.91430736, 5.71619151]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reproduces_the_reference_intervals_stability_and_difficulty(
        string name, Rating[] ratings, int[] intervals, double[] stabilities, double[] difficulties)
    {
        var scheduler = new FsrsScheduler(new FsrsParameters(ReferenceWeights, EnableFuzz: false));
        var now = new DateTimeOffset(2022, 12, 29, 12, 30, 0, TimeSpan.Zero);
        var card = MemoryCard.New(now);
        for (var i = 0; i < ratings.Length; i++)
        {
            card = scheduler.Review(card, ratings[i], now, new Random(0));
            Assert.True(intervals[i] == (int)(card.Due - now).TotalDays, $"{name} review {i + 1}: interval {(card.Due - now).TotalDays}, expected {intervals[i]}");
            Assert.True(Math.Abs(stabilities[i] - card.Stability) <= 1e-8, $"{name} review {i + 1}: S {card.Stability}, expected {stabilities[i]}");
            Assert.True(Math.Abs(difficulties[i] - card.Difficulty) <= 1e-8, $"{name} review {i + 1}: D {card.Difficulty}, expected {difficulties[i]}");
            now = card.Due;
        }
    }
}
