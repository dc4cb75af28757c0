namespace StudyBot.Core.Review;

/// <summary>
/// FSRS-6 long-term scheduling in whole days, as ts-fsrs's LongTermScheduler does it
/// (enable_short_term: false): every rating moves a card to Review, and Again &lt; Hard &lt; Good &lt; Easy.
/// </summary>
public sealed class FsrsScheduler
{
    private readonly FsrsParameters parameters;
    private readonly FsrsFormulas formulas;
    private readonly double intervalModifier;

    public FsrsScheduler(FsrsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        this.parameters = parameters;
        formulas = new FsrsFormulas(parameters.Weights);
        intervalModifier = formulas.IntervalModifier(parameters.DesiredRetention);
    }

    /// <summary>The card after one review at <paramref name="reviewedAt"/> (fuzz draws from <paramref name="random"/> when EnableFuzz).</summary>
    public MemoryCard Review(MemoryCard card, Rating rating, DateTimeOffset reviewedAt, Random random)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(random);
        if (!Enum.IsDefined(rating))
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "Rating must be Again, Hard, Good or Easy.");
        var isNew = card.State == CardState.New || card.LastReview is null;
        var elapsedDays = isNew ? 0 : ElapsedDays(card.LastReview!.Value, reviewedAt);
        var memories = FsrsRatings.All.ToDictionary(g => g, g => NextMemory(card, isNew, elapsedDays, g));
        var intervals = OrderedIntervals(memories, elapsedDays, random);
        var (stability, difficulty) = memories[rating];
        var lapsed = !isNew && rating == Rating.Again;
        var now = reviewedAt.ToUniversalTime();
        return new MemoryCard(CardState.Review, stability, difficulty, now.AddDays(intervals[rating]), now,
            card.Reps + 1, card.Lapses + (lapsed ? 1 : 0));
    }

    /// <summary>Predicted recall probability at <paramref name="at"/> (0 for a New card).</summary>
    public double Retrievability(MemoryCard card, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.State == CardState.New || card.LastReview is null)
            return 0;
        var elapsed = Math.Max(0, (at - card.LastReview.Value).TotalDays);
        return formulas.Retrievability(elapsed, card.Stability);
    }

    /// <summary>Whole days between the last review and now, by UTC calendar date (ts-fsrs dateDiffInDays).</summary>
    public static int ElapsedDays(DateTimeOffset lastReview, DateTimeOffset now)
    {
        var days = (now.UtcDateTime.Date - lastReview.UtcDateTime.Date).Days;
        return Math.Max(0, days);
    }

    private (double Stability, double Difficulty) NextMemory(MemoryCard card, bool isNew, int elapsedDays, Rating g)
    {
        if (isNew)
            return (formulas.InitialStability(g), Math.Clamp(formulas.InitialDifficulty(g), 1, 10));
        var (d, s) = (card.Difficulty, card.Stability);
        var r = formulas.Retrievability(elapsedDays, s);
        var nextS = g == Rating.Again ? formulas.StabilityAfterLapse(d, s, r) : formulas.RecallStability(d, s, r, g);
        return (nextS, formulas.NextDifficulty(d, g));
    }

    // ts-fsrs long-term ordering: again <= hard, then hard < good < easy by at least one day each
    private Dictionary<Rating, int> OrderedIntervals(
        Dictionary<Rating, (double Stability, double Difficulty)> memories, int elapsedDays, Random random)
    {
        int Next(Rating g) => NextInterval(memories[g].Stability, elapsedDays, random);
        var again = Next(Rating.Again);
        var hard = Next(Rating.Hard);
        var good = Next(Rating.Good);
        var easy = Next(Rating.Easy);
        again = Math.Min(again, hard);
        hard = Math.Max(hard, again + 1);
        good = Math.Max(good, hard + 1);
        easy = Math.Max(easy, good + 1);
        // Unlike ts-fsrs, the +1 steps never push an interval past the maximum (the cap wins at the top).
        var max = parameters.MaximumIntervalDays;
        (again, hard, good, easy) = (Math.Min(again, max), Math.Min(hard, max), Math.Min(good, max), Math.Min(easy, max));
        return new() { [Rating.Again] = again, [Rating.Hard] = hard, [Rating.Good] = good, [Rating.Easy] = easy };
    }

    // FSRS next interval: round(S * modifier), at least 1, at most the maximum, then fuzzed
    private int NextInterval(double stability, int elapsedDays, Random random)
    {
        var interval = (int)Math.Min(Math.Max(1, FsrsFormulas.RoundHalfUp(stability * intervalModifier)),
            parameters.MaximumIntervalDays);
        return parameters.EnableFuzz
            ? FsrsFuzz.Apply(interval, elapsedDays, parameters.MaximumIntervalDays, random)
            : interval;
    }
}
