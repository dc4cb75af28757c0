using StudyBot.Core.Scoring;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Tests;

public class ScoringTests
{
    [Theory]
    [InlineData(false, 3, 0, 0)]
    [InlineData(true, 0, 1, 10)]
    [InlineData(true, 1, 2, 12)]
    [InlineData(true, 4, 5, 18)]
    [InlineData(true, 5, 6, 20)]
    [InlineData(true, 30, 31, 20)]
    public void Correct_answers_score_ten_plus_a_capped_streak_bonus(bool correct, int before, int streakAfter, int points)
    {
        Assert.Equal(streakAfter, ScoringRules.StreakAfter(correct, before));
        Assert.Equal(points, ScoringRules.Points(correct, streakAfter));
    }

    [Fact]
    public void Ties_on_points_and_correct_answers_share_a_rank()
    {
        var ranked = Leaderboard.Rank([
            new LeaderboardRow(1, "a", 30, 3, 3),
            new LeaderboardRow(2, "b", 20, 2, 3),
            new LeaderboardRow(3, "c", 20, 2, 2),
            new LeaderboardRow(4, "d", 20, 1, 2),
        ]);
        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
    }
}
