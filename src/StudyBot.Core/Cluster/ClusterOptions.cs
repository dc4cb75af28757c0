using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Cluster;

/// <summary>
/// How the nodes of a cluster keep their leases (node presence, Discord shards). Bound from
/// <c>StudyBot:Cluster</c>; the node's own id is <c>StudyBot:Scheduling:InstanceId</c> (Quartz's too), else the machine name.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "StudyBot:Cluster";

    /// <summary>
    /// How long a lease outlives its last renewal: a node that dies loses its shards and its share of
    /// the rate budgets this long after its last renewal.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.300", "00:10:00", ErrorMessage = "StudyBot:Cluster:LeaseDuration must be between 00:00:00.300 and 00:10:00.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>This node's id in the cluster (set from <c>StudyBot:Scheduling:InstanceId</c>, not read from this section).</summary>
    public string NodeId { get; set; } = "";

    /// <summary>
    /// Leases are renewed three times per <see cref="LeaseDuration"/>: two renewals in a row may fail
    /// (a slow database, a pause) before a lease is lost.
    /// </summary>
    public TimeSpan RenewInterval => LeaseDuration / 3;
}
