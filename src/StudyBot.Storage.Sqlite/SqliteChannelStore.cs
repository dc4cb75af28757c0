using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Storage.Sqlite;

public sealed class SqliteChannelStore(SqliteDatabase database, IOptions<StudyOptions> options) : IChannelStore
{
    /// <summary>A store whose new channels get <see cref="StudyOptions"/>' built-in defaults.</summary>
    public SqliteChannelStore(SqliteDatabase database) : this(database, Options.Create(new StudyOptions()))
    {
    }

    private readonly RecentRows<ChannelSettings> _byId = new();

    internal const string Columns =
        "id AS Id, platform AS Platform, external_id AS ExternalId, enabled AS Enabled, post_time AS PostTime, time_zone AS TimeZone, " +
        "pack_id AS PackId, leaderboard_enabled AS LeaderboardEnabled, leaderboard_day AS LeaderboardDay, leaderboard_time AS LeaderboardTime";

    public async Task<ChannelSettings> GetOrAddAsync(ChannelAddress address, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<ChannelRow>(new CommandDefinition(
            $"SELECT {Columns} FROM channels WHERE platform = @Platform AND external_id = @ChannelId",
            address, cancellationToken: cancellationToken));
        if (row is not null) return row.ToSettings();

        // New channels take the core's defaults (StudyOptions), not the schema's column defaults.
        var defaults = options.Value;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO channels (platform, external_id, post_time, time_zone, leaderboard_day, leaderboard_time) " +
            "VALUES (@Platform, @ChannelId, @PostTime, @TimeZone, @LeaderboardDay, @LeaderboardTime) ON CONFLICT DO NOTHING",
            new
            {
                address.Platform,
                address.ChannelId,
                PostTime = Hhmm(defaults.DefaultPostTime),
                TimeZone = defaults.DefaultTimeZone,
                LeaderboardDay = (int)defaults.DefaultLeaderboardDay,
                LeaderboardTime = Hhmm(defaults.DefaultLeaderboardTime),
            },
            cancellationToken: cancellationToken));
        return (await connection.QuerySingleAsync<ChannelRow>(new CommandDefinition(
            $"SELECT {Columns} FROM channels WHERE platform = @Platform AND external_id = @ChannelId",
            address, cancellationToken: cancellationToken))).ToSettings();
    }

    /// <summary>Read on every click; kept in memory until <see cref="UpdateAsync"/> changes the channel.</summary>
    public Task<ChannelSettings?> FindAsync(long channelId, CancellationToken cancellationToken) =>
        _byId.GetAsync(channelId, async () =>
        {
            await using var connection = database.Open();
            var row = await connection.QuerySingleOrDefaultAsync<ChannelRow>(new CommandDefinition(
                $"SELECT {Columns} FROM channels WHERE id = @channelId", new { channelId }, cancellationToken: cancellationToken));
            return row?.ToSettings();
        }, _ => true);

    public async Task UpdateAsync(ChannelSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE channels SET enabled = @Enabled, post_time = @PostTime, time_zone = @TimeZoneId, pack_id = @PackId,
                leaderboard_enabled = @LeaderboardEnabled, leaderboard_day = @LeaderboardDay, leaderboard_time = @LeaderboardTime
            WHERE id = @Id
            """,
            new
            {
                settings.Id,
                settings.Enabled,
                PostTime = Hhmm(settings.PostTime),
                settings.TimeZoneId,
                settings.PackId,
                settings.LeaderboardEnabled,
                LeaderboardDay = (int)settings.LeaderboardDay,
                LeaderboardTime = Hhmm(settings.LeaderboardTime),
            },
            cancellationToken: cancellationToken));
        _byId.Forget(settings.Id);
    }

    public async Task<IReadOnlyList<ChannelSettings>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<ChannelRow>(new CommandDefinition(
            $"SELECT {Columns} FROM channels WHERE enabled = 1 ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSettings()).ToList();
    }

    private static string Hhmm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    internal sealed record ChannelRow(long Id, string Platform, string ExternalId, long Enabled, string PostTime, string TimeZone,
        string? PackId, long LeaderboardEnabled, long LeaderboardDay, string LeaderboardTime)
    {
        public ChannelSettings ToSettings() => new(
            Id, new ChannelAddress(Platform, ExternalId), Enabled != 0,
            TimeOnly.ParseExact(PostTime, "HH:mm", CultureInfo.InvariantCulture), TimeZone, PackId,
            LeaderboardEnabled != 0, (DayOfWeek)LeaderboardDay,
            TimeOnly.ParseExact(LeaderboardTime, "HH:mm", CultureInfo.InvariantCulture));
    }
}
