using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// Channels on PostgreSQL. A channel read by id is kept in memory for a moment
/// (<see cref="PostgresDatabase.RecentRowsAge"/>), since every click reads one: another node may
/// change a channel (/study setup there), and that shows here within that time, not a schedule later.
/// </summary>
public sealed class PostgresChannelStore(PostgresDatabase database, IOptions<StudyOptions> options) : IChannelStore
{
    private readonly RecentRows<ChannelSettings> _byId = new(PostgresDatabase.RecentRowsAge, database.Clock);

    /// <summary>A store whose new channels get <see cref="StudyOptions"/>' built-in defaults.</summary>
    public PostgresChannelStore(PostgresDatabase database) : this(database, Options.Create(new StudyOptions()))
    {
    }

    internal const string Columns =
        "id AS Id, platform AS Platform, external_id AS ExternalId, enabled AS Enabled, post_time AS PostTime, time_zone AS TimeZone, " +
        "pack_id AS PackId, leaderboard_enabled AS LeaderboardEnabled, leaderboard_day AS LeaderboardDay, leaderboard_time AS LeaderboardTime, " +
        "post_days AS PostDays, thread_enabled AS ThreadEnabled, ping_group_id AS PingGroupId, pin_enabled AS PinEnabled, " +
        "admin_user_id AS AdminUserId, notices_sent AS NoticesSent";

    public async Task<ChannelSettings> GetOrAddAsync(ChannelAddress address, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ChannelRow>(new CommandDefinition(
            $"SELECT {Columns} FROM channels WHERE platform = @Platform AND external_id = @ChannelId", address, cancellationToken: cancellationToken));
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
            $"SELECT {Columns} FROM channels WHERE platform = @Platform AND external_id = @ChannelId", address, cancellationToken: cancellationToken))).ToSettings();
    }

    /// <summary>Read on every click: kept in memory until <see cref="UpdateAsync"/> changes the channel, or for <see cref="PostgresDatabase.RecentRowsAge"/>.</summary>
    public Task<ChannelSettings?> FindAsync(long channelId, CancellationToken cancellationToken) =>
        _byId.GetAsync(channelId, async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return (await connection.QuerySingleOrDefaultAsync<ChannelRow>(new CommandDefinition(
                $"SELECT {Columns} FROM channels WHERE id = @channelId", new { channelId }, cancellationToken: cancellationToken)))?.ToSettings();
        }, _ => true);

    public async Task UpdateAsync(ChannelSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE channels SET enabled = @Enabled, post_time = @PostTime, time_zone = @TimeZoneId, pack_id = @PackId,
                leaderboard_enabled = @LeaderboardEnabled, leaderboard_day = @LeaderboardDay, leaderboard_time = @LeaderboardTime,
                post_days = @PostDays,
                thread_enabled = @ThreadEnabled, ping_group_id = @PingGroupId, pin_enabled = @PinEnabled,
                admin_user_id = @AdminUserId, notices_sent = @NoticesSent
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
                PostDays = settings.PostDays.Bits,
                settings.ThreadEnabled,
                settings.PingGroupId,
                settings.PinEnabled,
                settings.AdminUserId,
                NoticesSent = (int)settings.NoticesSent,
            },
            cancellationToken: cancellationToken));
        _byId.Forget(settings.Id);
    }

    public async Task<IReadOnlyList<ChannelSettings>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChannelRow>(new CommandDefinition(
            $"SELECT {Columns} FROM channels WHERE enabled ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSettings()).ToList();
    }

    private static string Hhmm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    internal sealed class ChannelRow
    {
        public long Id { get; init; }
        public string Platform { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public bool Enabled { get; init; }
        public string PostTime { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public string? PackId { get; init; }
        public bool LeaderboardEnabled { get; init; }
        public int LeaderboardDay { get; init; }
        public string LeaderboardTime { get; init; } = "";
        public int PostDays { get; init; }
        public bool ThreadEnabled { get; init; }
        public string? PingGroupId { get; init; }
        public bool PinEnabled { get; init; }
        public string? AdminUserId { get; init; }
        public int NoticesSent { get; init; }

        public ChannelSettings ToSettings() => new(
            Id, new ChannelAddress(Platform, ExternalId), Enabled,
            TimeOnly.ParseExact(PostTime, "HH:mm", CultureInfo.InvariantCulture), TimeZone, PackId,
            LeaderboardEnabled, (DayOfWeek)LeaderboardDay,
            TimeOnly.ParseExact(LeaderboardTime, "HH:mm", CultureInfo.InvariantCulture),
            StudyDays.FromBits(PostDays), ThreadEnabled, PingGroupId, PinEnabled, AdminUserId, (GroupNotices)NoticesSent);
    }
}
