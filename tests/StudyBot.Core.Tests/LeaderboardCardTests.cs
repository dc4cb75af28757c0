using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Core.Tests;

public sealed class LeaderboardCardTests
{
    [Fact]
    public void Medals_go_to_the_top_three_ranks_with_ties_sharing_one()
    {
        var card = StudyCards.LeaderboardCard("Board", [Row(1, "ann", 30, 3), Row(2, "ben", 20, 2), Row(3, "cat", 20, 2), Row(4, "dan", 10, 1), Row(5, "eve", 0, 0)], Language.En);

        Assert.Equal(["🥇 **ann** — 30 pts (3/3)", "🥈 **ben** — 20 pts (2/3)", "🥈 **cat** — 20 pts (2/3)", "4. **dan** — 10 pts (1/3)", "5. **eve** — 0 pts (0/3)"],
            card.Body.Split('\n'));
    }

    [Fact]
    public void Nobody_gets_a_medal_for_zero_points()
    {
        var card = StudyCards.LeaderboardCard("Board", [Row(1, "ann", 10, 1), Row(2, "ben", 0, 0), Row(3, "cat", 0, 0)], Language.Ko);

        Assert.Equal(["🥇 **ann** — 10 점 (1/3)", "2. **ben** — 0 점 (0/3)", "2. **cat** — 0 점 (0/3)"], card.Body.Split('\n'));
    }

    private static LeaderboardRow Row(long id, string name, int points, int correct) => new(id, name, points, correct, 3);
}
