using Dapper;
using StudyBot.Core.Storage;
using StudyBot.Storage.Contract;
using StudyBot.Testing;

namespace StudyBot.Storage.Postgres.Tests;

/// <summary>
/// The open posts and channels a node keeps in memory for a moment (<see cref="PostgresDatabase.RecentRowsAge"/>),
/// with another node on the same database changing them: the cached copy may be stale, the answer path may not.
/// </summary>
public sealed class RecentRowsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = StoreScenario.T0;
    private static readonly DateOnly Day = DateOnly.FromDateTime(T0.UtcDateTime);
    private readonly ManualClock _clock = new();
    private PostgresStorage _other = null!;
    private StoreScenario _store = null!;

    public async Task InitializeAsync()
    {
        _other = await PostgresStorage.CreateAsync();
        _store = new StoreScenario(_other);
    }

    public async Task DisposeAsync() => await _other.DisposeAsync();

    /// <summary>This node: its own pool, stores and memory, on the clock the test moves.</summary>
    private PostgresDatabase Here() => new(_other.ConnectionString, _clock);

    private static NewAnswer Answer(Post post, string name, DateTimeOffset at) =>
        new(post.Id, post.ChannelId, StoreScenario.User(name), "topic", "0", true, at);

    [Fact]
    public async Task A_post_closed_by_another_node_is_refused_by_the_node_that_still_holds_it_open()
    {
        await using var here = Here();
        var channel = await _store.ChannelAsync();
        var second = await _store.ChannelAsync("c2");
        var closing = await _store.PostAsync(channel.Id, Day, T0);
        var staying = await _store.PostAsync(second.Id, Day, T0);
        var posts = new PostgresPostStore(here);
        Assert.Null((await posts.FindAsync(closing.Id, default))!.ClosedAt);

        Assert.True(await _other.Posts.CloseAsync(closing.Id, T0.AddMinutes(1), default));

        // Still open in this node's memory, and well inside closes_at: only the database knows it is closed.
        Assert.Null((await posts.FindAsync(closing.Id, default))!.ClosedAt);
        var outcomes = await Task.WhenAll(
            posts.RecordAnswerAsync(Answer(closing, "ann", T0.AddMinutes(2)), default),
            posts.RecordAnswerAsync(Answer(closing, "bob", T0.AddMinutes(2)), default),
            posts.RecordAnswerAsync(Answer(staying, "ann", T0.AddMinutes(2)), default));
        Assert.Equal([AnswerOutcome.Closed, AnswerOutcome.Closed, AnswerOutcome.Recorded], outcomes);

        await using var connection = await here.OpenAsync(default);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers WHERE post_id = @Id", closing));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers WHERE post_id = @Id", staying));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM board_totals WHERE channel_id = @Id", channel));

        _clock.Advance(PostgresDatabase.RecentRowsAge);
        Assert.Equal(T0.AddMinutes(1), (await posts.FindAsync(closing.Id, default))!.ClosedAt);
    }

    [Fact]
    public async Task A_post_closed_or_given_its_message_on_this_node_is_read_again_at_once()
    {
        await using var here = Here();
        var channel = await _store.ChannelAsync();
        var post = await _store.PostAsync(channel.Id, Day, T0);
        var posts = new PostgresPostStore(here);
        Assert.Null((await posts.FindAsync(post.Id, default))!.MessageId);

        await posts.SetMessageIdAsync(post.Id, "m1", default);
        Assert.Equal("m1", (await posts.FindAsync(post.Id, default))!.MessageId);

        Assert.True(await posts.CloseAsync(post.Id, T0.AddMinutes(1), default));
        Assert.NotNull((await posts.FindAsync(post.Id, default))!.ClosedAt);
        Assert.Equal(AnswerOutcome.Closed, await posts.RecordAnswerAsync(Answer(post, "ann", T0.AddMinutes(2)), default));
    }

    [Fact]
    public async Task A_channel_changed_on_another_node_shows_here_within_the_age_and_at_once_when_changed_here()
    {
        await using var here = Here();
        var channel = await _store.ChannelAsync();
        var channels = new PostgresChannelStore(here);
        Assert.Equal("UTC", (await channels.FindAsync(channel.Id, default))!.TimeZoneId);

        await _other.Channels.UpdateAsync(channel with { TimeZoneId = "Asia/Seoul" }, default);
        Assert.Equal("UTC", (await channels.FindAsync(channel.Id, default))!.TimeZoneId);
        _clock.Advance(PostgresDatabase.RecentRowsAge);
        Assert.Equal("Asia/Seoul", (await channels.FindAsync(channel.Id, default))!.TimeZoneId);

        await channels.UpdateAsync(channel with { TimeZoneId = "Europe/Paris" }, default);
        Assert.Equal("Europe/Paris", (await channels.FindAsync(channel.Id, default))!.TimeZoneId);
    }
}
