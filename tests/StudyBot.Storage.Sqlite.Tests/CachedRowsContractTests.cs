namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>Posts and channels read on every click are kept in memory; a change must show at once.</summary>
public sealed class CachedRowsContractTests : IDisposable
{
    private static readonly DateTimeOffset T0 = StoreFixture.T0;
    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_post_read_before_it_closes_reads_as_closed_afterwards()
    {
        var post = await _store.PostAsync((await _store.ChannelAsync()).Id, DateOnly.FromDateTime(T0.UtcDateTime), T0);
        Assert.Null((await _store.Posts.FindAsync(post.Id, default))!.ClosedAt);

        await _store.Posts.SetMessageIdAsync(post.Id, "m-1", default);
        Assert.Equal("m-1", (await _store.Posts.FindAsync(post.Id, default))!.MessageId);

        await _store.Posts.CloseAsync(post.Id, T0.AddHours(1), default);
        Assert.Equal(T0.AddHours(1), (await _store.Posts.FindAsync(post.Id, default))!.ClosedAt);
    }

    [Fact]
    public async Task A_channel_read_before_an_update_reads_the_new_settings_afterwards()
    {
        var channel = await _store.ChannelAsync();
        Assert.Equal("UTC", (await _store.Channels.FindAsync(channel.Id, default))!.TimeZoneId);

        await _store.Channels.UpdateAsync(channel with { TimeZoneId = "Asia/Seoul", PostTime = new TimeOnly(7, 0) }, default);

        var found = (await _store.Channels.FindAsync(channel.Id, default))!;
        Assert.Equal(("Asia/Seoul", new TimeOnly(7, 0)), (found.TimeZoneId, found.PostTime));
    }
}
