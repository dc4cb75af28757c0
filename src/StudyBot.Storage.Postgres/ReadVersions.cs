namespace StudyBot.Storage.Postgres;

/// <summary>
/// PostgreSQL's version source for kept reads (<see cref="Core.Storage.VersionedCache{TKey, TValue}"/>):
/// counters that migration 010's triggers bump in every node's close and rename, so a read kept here is
/// dropped by a close on any node. Each probe is a primary-key read, cheap however many posts there are.
/// </summary>
internal static class ReadVersions
{
    /// <summary>Posts closed in any channel: what item analysis and per-topic stats count changes only then.</summary>
    public const string Closes = "SELECT version FROM read_versions WHERE name = 'closes'";

    /// <summary>
    /// @channelId's versions: its closes plus every rename for its boards (which show names), its closes
    /// alone for a member's totals and streak there, and every close for the member's per-topic stats.
    /// </summary>
    public const string Channel = """
        SELECT COALESCE((SELECT closes FROM channel_closes WHERE channel_id = @channelId), 0) AS ChannelCloses,
               (SELECT version FROM read_versions WHERE name = 'names') AS Names,
               (SELECT version FROM read_versions WHERE name = 'closes') AS Closes
        """;

    public sealed class ChannelRow
    {
        public long ChannelCloses { get; init; }
        public long Names { get; init; }
        public long Closes { get; init; }

        /// <summary>Both only grow, so the sum changes whenever either does.</summary>
        public long Board => ChannelCloses + Names;
    }
}
