using Microsoft.Extensions.Logging;
using StudyBot.Core.Cluster;
using StudyBot.Core.Storage;

namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>
/// The database judges envelopes that create things, so a redelivery that lands on another node (each
/// node has its own Socket Mode connection) is handled once: the first node to take the lease
/// <c>slack-envelope:&lt;envelope_id&gt;</c> handles it. Slash commands (<c>/suggest</c> adds a row) and view
/// submissions are claimed; clicks are not, since the answers' unique key (one answer per member per
/// post) already judges them and a click burst should not pay a database round trip each.
/// </summary>
internal sealed class EnvelopeClaims(IClusterLeases leases, ClusterPresence cluster, TimeProvider clock, ILogger<EnvelopeClaims> logger)
{
    public const string Prefix = "slack-envelope:";

    public static bool NeedsClaim(SocketEnvelope envelope) => envelope.Type == "slash_commands" || envelope.Payload is ViewSubmissionPayload;

    /// <summary>False when another node (or this one) has handled the envelope already.</summary>
    public async Task<bool> TryClaimAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        try
        {
            return await leases.TryHoldAsync(Prefix + envelope.EnvelopeId, cluster.NodeId, RecentEnvelopeIds.Retention, clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Handling twice is the lesser harm than dropping a member's command unread.
            logger.EnvelopeClaimFailed(envelope.Type, e.Message);
            return true;
        }
    }
}
