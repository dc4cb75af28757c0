using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Chat;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Scheduling.Tests;

/// <summary>
/// Channels due at the same minute are posted side by side: a post mostly waits on the chat
/// platform's rate limit, so posting them one after another would make the last channel late.
/// </summary>
[Collection(QuartzCollection.Name)]
public sealed class ConcurrentPostTests : IDisposable
{
    private const int Channels = 5;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Channels_due_together_are_posted_at_the_same_time_and_each_once()
    {
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 23, 8, 59, 57, TimeSpan.Zero));
        var platform = new BarrierPlatform(Channels);
        using var host = SchedulerHost.Build(_dir.File("bot.db"), clock, platform);
        await host.StartAsync();
        var channels = host.Services.GetRequiredService<IChannelStore>();
        for (var i = 0; i < Channels; i++)
        {
            var channel = await channels.GetOrAddAsync(new ChannelAddress("test", $"room-{i}"), default);
            var enabled = channel with { Enabled = true, PostTime = new TimeOnly(9, 0), TimeZoneId = "UTC", PackId = "test" };
            await channels.UpdateAsync(enabled, default);
            await host.Services.GetRequiredService<IStudySchedule>().ScheduleChannelAsync(enabled, default);
        }

        // Every send waits until all five are sending at once: posted one by one, none would finish.
        var allInside = await platform.AllInside.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => t.IsCompletedSuccessfully);
        platform.Release();
        Assert.True(allInside, $"at most {platform.MostAtOnce} of {Channels} posts were being sent at once");
        Assert.True(await SchedulerHost.WaitUntil(() => platform.Posted.Count == Channels, TimeSpan.FromSeconds(10)));
        await host.StopAsync();
        Assert.Equal(Enumerable.Range(0, Channels).Select(i => $"room-{i}"), platform.Posted.Order());
    }

    private sealed class BarrierPlatform(int expected) : IChatPlatform
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _allInside = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inside, _mostAtOnce, _ids;

        public string Name => "test";
        public Task AllInside => _allInside.Task;
        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);
        public System.Collections.Concurrent.ConcurrentBag<string> Posted { get; } = [];

        public void Release() => _release.TrySetResult();

        public async Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inside);
            InterlockedMax(ref _mostAtOnce, now);
            if (now >= expected) _allInside.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _inside);
            Posted.Add(channelId);
            return Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        }

        public Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(DirectMessageResult.Sent);

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
