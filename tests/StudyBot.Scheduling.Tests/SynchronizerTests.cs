using Dapper;
using Quartz;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Storage.Sqlite;
using StudyBot.Testing;

namespace StudyBot.Scheduling.Tests;

/// <summary>The start-up synchronizer on real Quartz and a real SQLite file, across restarts.</summary>
[Collection(QuartzCollection.Name)]
public sealed class SynchronizerTests : IDisposable
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);
    private readonly TempDirectory _dir = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteChannelStore _channels;
    // Monday 23 November 2026, 08:00 in Seoul.
    private readonly ShiftedClock _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, Seoul));

    public SynchronizerTests()
    {
        _database = new SqliteDatabase(_dir.File("bot.db"));
        _database.Migrate();
        _channels = new SqliteChannelStore(_database);
    }

    public void Dispose() => _dir.Dispose();

    private Task<SynchronizerRun> StartAsync() => SynchronizerRun.StartAsync(_database.Path, _clock);

    private async Task<ChannelSettings> AddChannelAsync(string room)
    {
        var channel = await _channels.GetOrAddAsync(new ChannelAddress("test", room), default);
        var enabled = channel with { Enabled = true, PostTime = new TimeOnly(9, 0), TimeZoneId = "Asia/Seoul", PackId = "test" };
        await _channels.UpdateAsync(enabled, default);
        return enabled;
    }

    [Fact]
    public async Task First_start_schedules_every_enabled_channel_at_its_local_time()
    {
        // 5,000 triggers: more than one batch.
        const int Enabled = 2_500, Disabled = 10;
        string[] zones = ["UTC", "Asia/Seoul", "America/New_York", "Europe/London"];
        using (var connection = _database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute(
                "INSERT INTO channels (platform, external_id, enabled, post_time, time_zone, leaderboard_day) VALUES ('test', @Room, @Enabled, @Time, @Zone, @Day)",
                Enumerable.Range(0, Enabled + Disabled).Select(i => new { Room = $"room-{i}", Enabled = i < Enabled, Time = $"{i % 24:00}:{i % 60:00}", Zone = zones[i % zones.Length], Day = i % 7 }),
                transaction);
            transaction.Commit();
        }

        await using var run = await StartAsync();

        var channels = await _channels.ListEnabledAsync(default);
        var stored = await run.Scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All });
        // Two per channel, and the one trigger that sends every member's review reminders.
        Assert.Equal(2 * Enabled + 1, stored.Items.Count);
        Assert.Single(stored.Items, header => header.Key.Equals(StudyBot.Scheduling.Jobs.SendReviewRemindersJob.TriggerKey));
        stored = await run.Scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(StudySchedule.Group), Take = PagedQuery.All });
        var triggers = (await run.Scheduler.GetTriggers([.. stored.Items.Select(header => header.Key)])).ToDictionary(trigger => trigger.Key);
        Assert.All(channels, channel =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(channel.TimeZoneId);
            var post = TimeZoneInfo.ConvertTime(triggers[StudySchedule.DailyKey(channel.Id)].NextFireTimeUtc!.Value, zone);
            Assert.Equal(channel.PostTime, TimeOnly.FromTimeSpan(post.TimeOfDay));
            var board = TimeZoneInfo.ConvertTime(triggers[StudySchedule.WeeklyKey(channel.Id)].NextFireTimeUtc!.Value, zone);
            Assert.Equal((channel.LeaderboardDay, channel.LeaderboardTime), (board.DayOfWeek, TimeOnly.FromTimeSpan(board.TimeOfDay)));
        });
    }

    [Fact]
    public async Task A_restart_keeps_unchanged_triggers_with_the_post_they_missed_while_down()
    {
        var kept = await AddChannelAsync("kept");
        var moved = await AddChannelAsync("moved");
        await (await StartAsync()).DisposeAsync();

        // Down across 09:00. Meanwhile one channel moved its post, so this start stores a batch as well.
        await _channels.UpdateAsync(moved with { PostTime = new TimeOnly(11, 0) }, default);
        var restart = new DateTimeOffset(2026, 11, 23, 10, 30, 0, Seoul);
        _clock.Set(restart);
        await using var run = await StartAsync();

        // Still due at 09:00 today, so Quartz fires the missed post as it starts; a new trigger would wait for tomorrow.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Seoul), (await run.TriggerAsync(StudySchedule.DailyKey(kept.Id))).NextFireTimeUtc);
        Assert.True((await run.TriggerAsync(StudySchedule.WeeklyKey(kept.Id))).StartTimeUtc < restart, "the weekly trigger was stored again");
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 0, 0, Seoul), (await run.TriggerAsync(StudySchedule.DailyKey(moved.Id))).NextFireTimeUtc);
    }

    [Fact]
    public async Task Triggers_stored_before_schedules_were_recorded_get_their_schedule_and_keep_a_missed_post()
    {
        var missed = await AddChannelAsync("missed");
        var ahead = await AddChannelAsync("ahead");
        await _channels.UpdateAsync(ahead with { PostTime = new TimeOnly(12, 0) }, default);
        var moved = await AddChannelAsync("moved");
        await using (var older = await StartAsync())
        {
            // What a StudyBot from before schedules were recorded stored: the same triggers without a description.
            foreach (var key in new[] { StudySchedule.DailyKey(missed.Id), StudySchedule.DailyKey(ahead.Id), StudySchedule.DailyKey(moved.Id) })
                await older.Scheduler.ScheduleTrigger((await older.TriggerAsync(key)).GetTriggerBuilder().WithDescription(null).Build(), TriggerConflict.Replace, default);
        }

        // Down across 09:00, back at 10:30: the 09:00 post is waiting to be made up, the 12:00 one is ahead,
        // and one channel moved its post from 09:00 to 11:00 meanwhile.
        await _channels.UpdateAsync(moved with { PostTime = new TimeOnly(11, 0) }, default);
        _clock.Set(new DateTimeOffset(2026, 11, 23, 10, 30, 0, Seoul));
        await using var run = await StartAsync();

        var missedDaily = await run.TriggerAsync(StudySchedule.DailyKey(missed.Id));
        Assert.Equal("0 0 9 * * ? Asia/Seoul", missedDaily.Description);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Seoul), missedDaily.NextFireTimeUtc);
        var aheadDaily = await run.TriggerAsync(StudySchedule.DailyKey(ahead.Id));
        Assert.Equal("0 0 12 * * ? Asia/Seoul", aheadDaily.Description);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, Seoul), aheadDaily.NextFireTimeUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 0, 0, Seoul), (await run.TriggerAsync(StudySchedule.DailyKey(moved.Id))).NextFireTimeUtc);
    }

    [Fact]
    public async Task A_schedule_changed_while_down_replaces_the_channels_triggers()
    {
        var channel = await AddChannelAsync("room");
        await (await StartAsync()).DisposeAsync();

        await _channels.UpdateAsync(channel with
        {
            PostTime = new TimeOnly(7, 15), TimeZoneId = "America/New_York", LeaderboardDay = DayOfWeek.Friday, LeaderboardTime = new TimeOnly(18, 0),
        }, default);
        await using var run = await StartAsync();

        // 08:00 Monday in Seoul is 18:00 Sunday in New York (EST, UTC-5).
        var newYork = TimeSpan.FromHours(-5);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 15, 0, newYork), (await run.TriggerAsync(StudySchedule.DailyKey(channel.Id))).NextFireTimeUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 18, 0, 0, newYork), (await run.TriggerAsync(StudySchedule.WeeklyKey(channel.Id))).NextFireTimeUtc);
    }

    [Fact]
    public async Task Channels_turned_off_while_down_lose_their_triggers_but_open_posts_still_close()
    {
        var stays = await AddChannelAsync("stays");
        var disabled = await AddChannelAsync("disabled");
        var noBoard = await AddChannelAsync("no-board");
        var (post, _) = await new SqlitePostStore(_database).ReserveAsync(
            new NewPost(disabled.Id, "test", "ebs-1", new DateOnly(2026, 11, 23), _clock.GetUtcNow(), _clock.GetUtcNow().AddHours(12)), default);
        await (await StartAsync()).DisposeAsync();

        await _channels.UpdateAsync(disabled with { Enabled = false }, default);
        await _channels.UpdateAsync(noBoard with { LeaderboardEnabled = false }, default);
        await using var run = await StartAsync();

        Assert.True(await run.Scheduler.Exists(StudySchedule.DailyKey(stays.Id)));
        Assert.True(await run.Scheduler.Exists(StudySchedule.WeeklyKey(stays.Id)));
        Assert.False(await run.Scheduler.Exists(StudySchedule.DailyKey(disabled.Id)));
        Assert.False(await run.Scheduler.Exists(StudySchedule.WeeklyKey(disabled.Id)));
        Assert.True(await run.Scheduler.Exists(StudySchedule.DailyKey(noBoard.Id)));
        Assert.False(await run.Scheduler.Exists(StudySchedule.WeeklyKey(noBoard.Id)));
        Assert.True(await run.Scheduler.Exists(StudySchedule.CloseKey(post.Id)));
    }

    [Fact]
    public async Task An_open_post_without_a_close_trigger_gets_one_at_its_closing_time()
    {
        var channel = await AddChannelAsync("room");
        var closesAt = new DateTimeOffset(2026, 11, 23, 21, 0, 0, Seoul);
        var (post, _) = await new SqlitePostStore(_database).ReserveAsync(
            new NewPost(channel.Id, "test", "ebs-1", new DateOnly(2026, 11, 23), _clock.GetUtcNow(), closesAt), default);

        await using var run = await StartAsync();

        Assert.Equal(closesAt, (await run.TriggerAsync(StudySchedule.CloseKey(post.Id))).NextFireTimeUtc);
    }
}
