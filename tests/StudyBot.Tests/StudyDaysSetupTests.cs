using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary><c>/study setup … [days]</c> through the inbound port, stored in a real SQLite file.</summary>
public sealed class StudyDaysSetupTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly CoreOnRealStorage _bot = new(Packs.Small(perTopic: 1), Monday);

    public void Dispose() => _bot.Dispose();

    private Task<ChatReply> SetUpAsync(string line, Language language = Language.En) =>
        _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true, language: language), line, default);

    private async Task<StudyDays> StoredDaysAsync() =>
        (await _bot.Get<IChannelStore>().GetOrAddAsync(new ChannelAddress("test", "room"), default)).PostDays;

    [Theory]
    [InlineData("study setup 09:00 Asia/Seoul weekdays", "weekdays")]
    [InlineData("study setup 09:00 Asia/Seoul mon,wed,fri", "Mon, Wed, Fri")]
    [InlineData("study setup 09:00 Asia/Seoul mon, wed, fri", "Mon, Wed, Fri")]
    [InlineData("study setup 09:00 Asia/Seoul 월,수,금", "Mon, Wed, Fri")]
    public async Task Days_typed_without_a_pack_are_stored_and_named_in_the_reply(string line, string named)
    {
        var reply = await SetUpAsync(line);

        Assert.False(reply.Ephemeral, reply.Message.Body);
        Assert.Contains($"on {named}", reply.Message.Body, StringComparison.Ordinal);
        var expected = named == "weekdays" ? StudyDays.Weekdays : StudyDays.Of(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday);
        Assert.Equal(expected, await StoredDaysAsync());
    }

    [Fact]
    public async Task Days_after_the_pack_are_read_as_days_and_the_korean_reply_names_them_in_korean()
    {
        var packId = Packs.Small(perTopic: 1).Id;
        var reply = await SetUpAsync($"study setup 09:00 Asia/Seoul {packId} 월, 수, 금", Language.Ko);

        Assert.Contains("월, 수, 금 **09:00 Asia/Seoul**에", reply.Message.Body, StringComparison.Ordinal);
        Assert.Equal(StudyDays.Of(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), await StoredDaysAsync());
    }

    [Fact]
    public async Task A_new_channel_is_daily_and_setup_again_without_days_keeps_the_days_it_has()
    {
        await SetUpAsync("study setup 09:00 UTC");
        Assert.Equal(StudyDays.Daily, await StoredDaysAsync());

        await SetUpAsync("study setup 09:00 UTC weekdays");
        var again = await SetUpAsync("study setup 10:00 UTC");

        Assert.Contains("on weekdays", again.Message.Body, StringComparison.Ordinal);
        Assert.Equal(StudyDays.Weekdays, await StoredDaysAsync());
    }

    [Theory]
    [InlineData("study setup 09:00 UTC test mon,funday", "\"mon,funday\" is not a valid days")]
    [InlineData("study setup 09:00 UTC sometimes", "No pack \"sometimes\"")]
    public async Task Days_that_are_not_days_are_refused_and_change_nothing(string line, string error)
    {
        await SetUpAsync("study setup 09:00 UTC weekdays");

        var reply = await SetUpAsync(line.Replace("test", Packs.Small(perTopic: 1).Id, StringComparison.Ordinal));

        Assert.True(reply.Ephemeral);
        Assert.Contains(error, reply.Message.Title + " " + reply.Message.Body, StringComparison.Ordinal);
        Assert.Equal(StudyDays.Weekdays, await StoredDaysAsync());
    }
}
