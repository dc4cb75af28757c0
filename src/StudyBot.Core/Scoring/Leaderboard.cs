using StudyBot.Core.Storage;

namespace StudyBot.Core.Scoring;

/// <summary>A leaderboard row with its rank. Equal points and equal correct answers share a rank.</summary>
public sealed record RankedRow(int Rank, LeaderboardRow Row);

public static class Leaderboard
{
    /// <summary>Ranks rows already ordered by points, then correct answers ("1, 2, 2, 4" competition ranking).</summary>
    public static IReadOnlyList<RankedRow> Rank(IReadOnlyList<LeaderboardRow> ordered)
    {
        var ranked = new List<RankedRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var tied = i > 0 && ordered[i].Points == ordered[i - 1].Points && ordered[i].Correct == ordered[i - 1].Correct;
            ranked.Add(new RankedRow(tied ? ranked[i - 1].Rank : i + 1, ordered[i]));
        }
        return ranked;
    }
}
