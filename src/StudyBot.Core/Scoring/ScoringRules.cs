namespace StudyBot.Core.Scoring;

/// <summary>
/// Points for a daily answer. A correct answer earns <see cref="CorrectPoints"/>; each earlier
/// consecutive correct daily answer in the channel adds <see cref="StreakBonusPerDay"/>, up to
/// <see cref="MaxStreakBonus"/>. A wrong answer earns nothing and resets the streak. Practice never scores.
/// </summary>
public static class ScoringRules
{
    public const int CorrectPoints = 10;
    public const int StreakBonusPerDay = 2;
    public const int MaxStreakBonus = 10;

    /// <summary>Points and streak of a daily answer, given the user's streak on the channel's previous post.</summary>
    public static (int Points, int Streak) Score(bool isCorrect, int streakBefore)
    {
        var streak = StreakAfter(isCorrect, streakBefore);
        return (Points(isCorrect, streak), streak);
    }

    /// <summary>The streak after this answer: one more than before if correct, otherwise zero.</summary>
    public static int StreakAfter(bool isCorrect, int streakBefore) => isCorrect ? streakBefore + 1 : 0;

    public static int Points(bool isCorrect, int streakAfter) =>
        isCorrect ? CorrectPoints + Math.Min((streakAfter - 1) * StreakBonusPerDay, MaxStreakBonus) : 0;
}
