using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>Question picks draw on the one <see cref="Random"/> in DI, so a seeded one makes them repeatable.</summary>
public sealed class SeededRandomTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(string Daily, List<string> Practice)> PicksAsync(int seed)
    {
        using var core = new CoreOnRealStorage(Packs.Small(perTopic: 10), Now, new Random(seed));
        var daily = await core.PostTodayAsync();
        var practice = new List<string>();
        for (var i = 0; i < 6; i++)
            practice.Add((await core.Inbox.HandleCommandAsync(CoreOnRealStorage.As("learner"), "quiz", default)).Message.Body);
        return (daily.QuestionId, practice);
    }

    [Fact]
    public async Task The_same_seed_picks_the_same_daily_and_practice_questions()
    {
        var first = await PicksAsync(seed: 42);
        var second = await PicksAsync(seed: 42);

        Assert.Equal(first.Daily, second.Daily);
        Assert.Equal(first.Practice, second.Practice);
        Assert.True(first.Practice.Distinct().Count() > 1, "six practice questions out of thirty were all the same");
    }
}
