namespace StudyBot.Core.Review;

/// <summary>FSRS-6 parameters: the 21 weights, the recall probability to schedule for, the interval cap, fuzz.</summary>
public sealed record FsrsParameters(IReadOnlyList<double> Weights, double DesiredRetention = 0.9,
    int MaximumIntervalDays = 36500, bool EnableFuzz = true)
{
    public const int WeightCount = 21;
    public const double MinimumRetention = 0.70;
    public const double MaximumRetention = 0.99;

    /// <summary>The FSRS-6 default weights (ts-fsrs constant.ts default_w, py-fsrs DEFAULT_PARAMETERS).</summary>
    public static IReadOnlyList<double> DefaultWeights { get; } = Array.AsReadOnly(new[]
    {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    });

    public static FsrsParameters Default { get; } = new(DefaultWeights);

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting that is out of range.</summary>
    public void Validate()
    {
        if (Weights is null || Weights.Count != WeightCount)
            throw new ArgumentException(
                $"FSRS-6 needs exactly {WeightCount} weights, got {Weights?.Count ?? 0}.", nameof(Weights));
        if (Weights.Any(w => !double.IsFinite(w)))
            throw new ArgumentException("FSRS weights must be finite numbers.", nameof(Weights));
        if (Weights[20] <= 0)
            throw new ArgumentException("FSRS weight w[20] (the decay) must be positive.", nameof(Weights));
        if (!(DesiredRetention >= MinimumRetention && DesiredRetention <= MaximumRetention))
            throw new ArgumentException(
                $"DesiredRetention must be between {MinimumRetention} and {MaximumRetention}, got {DesiredRetention}.",
                nameof(DesiredRetention));
        if (MaximumIntervalDays < 1)
            throw new ArgumentException(
                $"MaximumIntervalDays must be at least 1, got {MaximumIntervalDays}.", nameof(MaximumIntervalDays));
    }
}
