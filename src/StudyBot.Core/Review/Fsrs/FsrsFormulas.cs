namespace StudyBot.Core.Review;

/// <summary>
/// The FSRS-6 formulas, transcribed from ts-fsrs packages/fsrs/src/algorithm.ts (commit cdec8d2),
/// including its rounding to 8 decimals so results match the reference to the digit.
/// </summary>
internal sealed class FsrsFormulas(IReadOnlyList<double> w)
{
    public const double MinimumStability = 0.001;
    public const double MaximumStability = 36500;

    private double Decay => -w[20];

    // FSRS-6 forgetting curve factor: 0.9^(-1/w20) - 1, so that R(S, S) = 0.9 (ts-fsrs computeDecayFactor, rounded)
    private double Factor => RoundTo8(Math.Exp(Math.Pow(Decay, -1) * Math.Log(0.9)) - 1.0);

    // FSRS-6 forgetting curve: R(t, S) = (1 + factor * t / S) ^ (-w20)
    public double Retrievability(double elapsedDays, double stability) =>
        RoundTo8(Math.Pow(1 + Factor * elapsedDays / stability, Decay));

    // FSRS-6 interval modifier: t / S at which R falls to the desired retention
    public double IntervalModifier(double desiredRetention) =>
        RoundTo8((Math.Pow(desiredRetention, 1 / Decay) - 1) / Factor);

    // FSRS initial stability: S0(G) = w[G-1] (ts-fsrs floors it at 0.1)
    public double InitialStability(Rating g) => Math.Max(w[(int)g - 1], 0.1);

    // FSRS initial difficulty: D0(G) = w4 - e^(w5 * (G - 1)) + 1, unclamped for mean reversion
    public double InitialDifficulty(Rating g) => RoundTo8(w[4] - Math.Exp(((int)g - 1) * w[5]) + 1);

    // FSRS linear damping: the step shrinks as difficulty nears 10
    private static double LinearDamping(double deltaD, double oldD) => RoundTo8(deltaD * (10 - oldD) / 9);

    // FSRS mean reversion: D'' = w7 * D0(Easy) + (1 - w7) * D'
    private double MeanReversion(double init, double current) => RoundTo8(w[7] * init + (1 - w[7]) * current);

    // FSRS difficulty update: D' = D + damping(-w6 * (G - 3)), reverted to the mean, clamped to [1, 10]
    public double NextDifficulty(double d, Rating g)
    {
        var deltaD = -w[6] * ((int)g - 3);
        var nextD = d + LinearDamping(deltaD, d);
        return Math.Clamp(MeanReversion(InitialDifficulty(Rating.Easy), nextD), 1, 10);
    }

    // FSRS stability after recall: S * (1 + e^w8 * (11 - D) * S^-w9 * (e^(w10 * (1 - R)) - 1) * hard * easy)
    public double RecallStability(double d, double s, double r, Rating g)
    {
        var hardPenalty = g == Rating.Hard ? w[15] : 1;
        var easyBonus = g == Rating.Easy ? w[16] : 1;
        var next = s * (1 + Math.Exp(w[8]) * (11 - d) * Math.Pow(s, -w[9])
            * (Math.Exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus);
        return RoundTo8(Math.Clamp(next, MinimumStability, MaximumStability));
    }

    // FSRS stability after forgetting: w11 * D^-w12 * ((S + 1)^w13 - 1) * e^(w14 * (1 - R))
    public double ForgetStability(double d, double s, double r)
    {
        var next = w[11] * Math.Pow(d, -w[12]) * (Math.Pow(s + 1, w[13]) - 1) * Math.Exp((1 - r) * w[14]);
        return RoundTo8(Math.Clamp(next, MinimumStability, MaximumStability));
    }

    // FSRS-6 post-lapse cap, long-term (w17, w18 off): S'f = min(max(S, S_MIN), S'f) so a lapse never raises S
    public double StabilityAfterLapse(double d, double s, double r) =>
        Math.Min(Math.Max(RoundTo8(s), MinimumStability), ForgetStability(d, s, r));

    /// <summary>JavaScript's Math.round (half up), which the reference uses everywhere.</summary>
    public static double RoundHalfUp(double value) => Math.Floor(value + 0.5);

    /// <summary>ts-fsrs roundTo(x, 8).</summary>
    public static double RoundTo8(double value) => RoundHalfUp(value * 1e8) / 1e8;
}
