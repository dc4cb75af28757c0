using Npgsql;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// The StudyBot database on PostgreSQL: one pooled data source for every store of the process.
/// Answers go through a group commit; PostgreSQL's commit (WAL flushed, synchronous_commit on by
/// default) is the promise behind acknowledging them.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <param name="clock">Ages the rows kept in memory (<see cref="RecentRowsAge"/>); tests pass a clock they move.</param>
    public PostgresDatabase(string connectionString, TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Answers = new PostgresAnswerCommit(DataSource, Users);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// How long an open post or a channel read on this node is kept in memory. Changes made on this
    /// node drop the entry at once; another node's change (a close, /study setup) shows here within
    /// this time. An answer is still refused once its post is closed anywhere: the batch re-checks it.
    /// </summary>
    public static readonly TimeSpan RecentRowsAge = TimeSpan.FromSeconds(1);

    internal TimeProvider Clock { get; }

    /// <summary>This node's writer for answers: concurrent answers share one transaction.</summary>
    public PostgresAnswerCommit Answers { get; }

    /// <summary>Users already committed, by platform id: a known user's click writes no user row.</summary>
    internal KnownUsers Users { get; } = new();

    /// <summary>Item analysis tallies as last read, at <see cref="ReadVersions.Closes"/>.</summary>
    internal ItemTallyCache ItemTallies { get; } = new();

    /// <summary>Boards as last read, by channel, answer time range and size, at their channel's <see cref="ReadVersions.ChannelRow.Board"/>.</summary>
    internal VersionedCache<(long ChannelId, long From, long To, int Limit), IReadOnlyList<LeaderboardRow>> Boards { get; } = new();

    /// <summary>A member's totals and current streak in a channel, at the channel's closes.</summary>
    internal VersionedCache<(long ChannelId, long UserId), PostgresStatsQueries.MemberTotals> MemberTotals { get; } = new();

    /// <summary>A member's daily answers per topic over every channel, at <see cref="ReadVersions.Closes"/>.</summary>
    internal VersionedCache<long, IReadOnlyList<TopicAccuracy>> DailyTopics { get; } = new();

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Applies the migrations this database lacks (see <see cref="PostgresMigrator"/>); how many were applied.</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken = default) => PostgresMigrator.MigrateAsync(DataSource, cancellationToken);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
