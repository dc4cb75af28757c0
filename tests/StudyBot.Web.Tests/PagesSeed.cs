using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Web.Tests;

/// <summary>
/// A channel on the <see cref="PagesPack"/> with six closed daily posts (the last five days and today, UTC) and
/// twenty members, written through the bot's own ports:
/// <list type="bullet">
/// <item>strong members s01–s10 (s01 is named <see cref="ScriptName"/>): right on q-easy and q-good, wrong (B) on q-bad: 5 of 6;</item>
/// <item>weak members w01–w10: right on q-easy and q-bad, wrong (B) on q-good: 3 of 6;</item>
/// <item>one old post 120 days ago (the e2e question), answered right by "old-timer" only.</item>
/// </list>
/// So q-easy is too easy (40 of 40), q-good discriminates +1, q-bad -1 (suspect key), and unpicked C is a dead distractor everywhere.
/// </summary>
internal sealed class PagesSeed
{
    public const string ScriptName = "<script>alert('s01')</script>";

    /// <summary>Day offsets from today and their question: q-good three times, so strong and weak members differ.</summary>
    public static readonly (int Day, string Question, string Topic)[] Posts =
        [(-5, "q-easy", "s3"), (-4, "q-good", "s3"), (-3, "q-good", "s3"), (-2, "q-good", "s3"), (-1, "q-bad", "iam"), (0, "q-easy", "s3")];

    public static IReadOnlyList<string> Strong { get; } = [ScriptName, .. Enumerable.Range(2, 9).Select(i => $"s{i:00}")];
    public static IReadOnlyList<string> Weak { get; } = [.. Enumerable.Range(1, 10).Select(i => $"w{i:00}")];

    public required ChannelSettings Channel { get; init; }
    public required DateOnly Today { get; init; }

    public static async Task<PagesSeed> WriteAsync(IServiceProvider services)
    {
        var channels = services.GetRequiredService<IChannelStore>();
        var posts = services.GetRequiredService<IPostStore>();
        var channel = await channels.GetOrAddAsync(new ChannelAddress("test", "study-room"), default);
        channel = channel with { PackId = PagesPack.Id, TimeZoneId = "UTC" };
        await channels.UpdateAsync(channel, default);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var old = await PostAsync(posts, channel.Id, "e2e", "e2e-ebs-az", today.AddDays(-120));
        await AnswerAsync(posts, old, "old-timer", "ebs", "1", true);
        await posts.CloseAsync(old.Id, old.ClosesAt, default);
        foreach (var (day, question, topic) in Posts)
        {
            var post = await PostAsync(posts, channel.Id, PagesPack.Id, question, today.AddDays(day));
            foreach (var name in Strong) await AnswerAsync(posts, post, name, topic, question == "q-bad" ? "1" : "0", question != "q-bad");
            foreach (var name in Weak) await AnswerAsync(posts, post, name, topic, question == "q-good" ? "1" : "0", question != "q-good");
            await posts.CloseAsync(post.Id, post.ClosesAt, default);
        }
        return new PagesSeed { Channel = channel, Today = today };
    }

    private static async Task<Post> PostAsync(IPostStore posts, long channelId, string pack, string question, DateOnly day)
    {
        var opens = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (await posts.ReserveAsync(new NewPost(channelId, pack, question, day, opens, opens.AddHours(12)), default)).Post;
    }

    private static async Task AnswerAsync(IPostStore posts, Post post, string name, string topic, string choices, bool correct)
    {
        // The user id is the name's own letters (s01, w03); the display name is what the pages show.
        var user = new ChatUser("test", name == ScriptName ? "s01" : name, name);
        var outcome = await posts.RecordAnswerAsync(new NewAnswer(post.Id, post.ChannelId, user, topic, choices, correct, post.OpensAt.AddMinutes(1)), default);
        Assert.Equal(AnswerOutcome.Recorded, outcome);
    }
}
