using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>The questions page reads the tallies once per close: between closes they come from memory.</summary>
public sealed class ItemTallyCacheTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private readonly SqliteStorage _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task Tallies_are_read_from_the_file_once_until_a_post_closes()
    {
        var channel = await _storage.Channels.GetOrAddAsync(new ChannelAddress("test", "c1"), default);
        var first = await PostAsync(channel.Id, 0);
        var second = await PostAsync(channel.Id, 1);
        await AnswerAsync(first);
        await AnswerAsync(second);
        await _storage.Posts.CloseAsync(first.Id, first.ClosesAt, default);

        var members = await _storage.Items.MemberTalliesAsync("aws", default);
        var choices = await _storage.Items.ChoiceTalliesAsync("aws", [1], [], default);

        Assert.Same(members, await _storage.Items.MemberTalliesAsync("aws", default));
        Assert.Same(choices, await _storage.Items.ChoiceTalliesAsync("aws", [1], [], default));
        Assert.NotSame(choices, await _storage.Items.ChoiceTalliesAsync("aws", [], [1], default));
        Assert.NotSame(members, await _storage.Items.MemberTalliesAsync(null, default));

        await _storage.Posts.CloseAsync(second.Id, second.ClosesAt, default);

        Assert.Equal(2, (await _storage.Items.MemberTalliesAsync("aws", default)).Single().Answered);
    }

    private async Task<Post> PostAsync(long channelId, int day) =>
        (await _storage.Posts.ReserveAsync(new NewPost(channelId, "aws", $"q{day}", DateOnly.FromDateTime(T0.AddDays(day).UtcDateTime), T0.AddDays(day),
            T0.AddDays(day).AddHours(12)), default)).Post;

    private async Task AnswerAsync(Post post) =>
        Assert.Equal(AnswerOutcome.Recorded, await _storage.Posts.RecordAnswerAsync(
            new NewAnswer(post.Id, post.ChannelId, new ChatUser("test", "ann", "ann"), "t", "0", true, post.OpensAt.AddMinutes(1)), default));
}
