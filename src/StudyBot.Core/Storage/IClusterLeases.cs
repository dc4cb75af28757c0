namespace StudyBot.Core.Storage;

/// <summary>
/// Named leases in the shared database: how the nodes of a cluster divide work without a leader (a
/// Discord shard, an identify slot, a Slack envelope) and see which nodes are alive. A lease belongs to
/// one holder until it expires; its holder renews it by taking it again before then. Times come from
/// the caller's clock, so every node should keep its clock in sync (NTP), as Quartz's clustering also
/// assumes.
/// </summary>
public interface IClusterLeases
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="holder"/> until <paramref name="now"/> + <paramref name="ttl"/>
    /// when it is free, expired or already the holder's (a renewal). False while another holder's lease is live.
    /// </summary>
    Task<bool> TryHoldAsync(string name, string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives the lease up at once if <paramref name="holder"/> holds it; another holder's lease is left alone.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);

    /// <summary>How many leases whose names start with <paramref name="prefix"/> are live at <paramref name="now"/>.</summary>
    Task<int> CountLiveAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the leases that expired before <paramref name="before"/> (one-off names such as envelope ids pile up otherwise).</summary>
    Task DropExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
