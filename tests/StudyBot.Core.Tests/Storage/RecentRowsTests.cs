using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Storage;

public sealed class RecentRowsTests
{
    private sealed record Row(string Value);

    [Fact]
    public async Task A_kept_row_is_read_once_until_forgotten()
    {
        var rows = new RecentRows<Row>();
        var reads = 0;
        Task<Row?> Read() => Task.FromResult<Row?>(new Row($"read {++reads}"));

        Assert.Equal("read 1", (await rows.GetAsync(7, Read, _ => true))!.Value);
        Assert.Equal("read 1", (await rows.GetAsync(7, Read, _ => true))!.Value);
        rows.Forget(7);
        Assert.Equal("read 2", (await rows.GetAsync(7, Read, _ => true))!.Value);
    }

    [Fact]
    public async Task A_row_not_to_keep_is_read_every_time()
    {
        var rows = new RecentRows<Row>();
        var reads = 0;
        await rows.GetAsync(7, () => Task.FromResult<Row?>(new Row($"read {++reads}")), _ => false);
        await rows.GetAsync(7, () => Task.FromResult<Row?>(new Row($"read {++reads}")), _ => false);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_read_racing_a_change_is_not_kept()
    {
        var rows = new RecentRows<Row>();
        var stale = await rows.GetAsync(7, () =>
        {
            rows.Forget(7); // the store changes the row while the old one is on its way back
            return Task.FromResult<Row?>(new Row("before the change"));
        }, _ => true);
        Assert.Equal("before the change", stale!.Value);
        Assert.Equal("after", (await rows.GetAsync(7, () => Task.FromResult<Row?>(new Row("after")), _ => true))!.Value);
    }

    [Fact]
    public async Task With_a_max_age_a_row_is_read_again_once_it_is_that_old()
    {
        var clock = new ManualClock();
        var rows = new RecentRows<Row>(TimeSpan.FromSeconds(1), clock);
        var reads = 0;
        Task<Row?> Read() => Task.FromResult<Row?>(new Row($"read {++reads}"));

        await rows.GetAsync(7, Read, _ => true);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal("read 1", (await rows.GetAsync(7, Read, _ => true))!.Value);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("read 2", (await rows.GetAsync(7, Read, _ => true))!.Value);
    }
}
