using System.Globalization;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Study;

public enum LeaderboardScope
{
    Week,
    AllTime,
}

/// <summary>Weekly and all-time boards. Weeks run Monday to Sunday in the channel's time zone.</summary>
public sealed class Leaderboards(
    IChannelStore channels,
    IStatsQueries stats,
    ContentCatalog catalog,
    ChatPlatforms platforms,
    IOptions<StudyOptions> options,
    TimeProvider clock)
{
    public async Task<ChatMessage> BuildAsync(ChannelSettings channel, LeaderboardScope scope, DateTimeOffset at, Language language, CancellationToken cancellationToken)
    {
        var limit = options.Value.LeaderboardSize;
        if (scope == LeaderboardScope.AllTime)
        {
            var all = await stats.LeaderboardAsync(channel.Id, null, null, limit, cancellationToken);
            return StudyCards.LeaderboardCard(Say.In(language, "Leaderboard · all time", "전체 순위"), all, language);
        }

        var zone = TimeZones.FindOrUtc(channel.TimeZoneId);
        var (start, end) = TimeZones.WeekOf(at, zone);
        var rows = await stats.LeaderboardAsync(channel.Id, start, end, limit, cancellationToken);
        var first = TimeZones.LocalDate(start, zone);
        var span = $"{first:MM-dd} – {first.AddDays(6):MM-dd}".ToString(CultureInfo.InvariantCulture);
        return StudyCards.LeaderboardCard(Say.In(language, $"Leaderboard · week {span}", $"주간 순위 · {span}"), rows, language);
    }

    /// <summary>
    /// The weekly post. It shows the week that holds the post time, except when posted on a Monday:
    /// then the week that just ended, so a "Monday morning" board is not empty.
    /// </summary>
    public async Task<bool> PostWeeklyAsync(long channelId, CancellationToken cancellationToken)
    {
        if (await channels.FindAsync(channelId, cancellationToken) is not { Enabled: true, LeaderboardEnabled: true } channel) return false;
        var now = clock.GetUtcNow();
        var zone = TimeZones.FindOrUtc(channel.TimeZoneId);
        var at = TimeZoneInfo.ConvertTime(now, zone).DayOfWeek == DayOfWeek.Monday ? now.AddDays(-1) : now;
        var language = catalog.ForChannel(channel.PackId)?.Language ?? Language.En;
        var board = await BuildAsync(channel, LeaderboardScope.Week, at, language, cancellationToken);
        await platforms.Get(channel.Address.Platform).PostAsync(channel.Address.ChannelId, board, cancellationToken);
        return true;
    }
}
