namespace StudyBot.Core.Storage;

/// <summary>Another live node and the content it loaded, as <see cref="Content.NodeContent.Packs"/> text.</summary>
public sealed record OtherNode(string InstanceId, string Packs);

/// <summary>The content each running node of a cluster loaded, in the shared database.</summary>
public interface INodeContentStore
{
    /// <summary>
    /// Records this node's content, unless a node seen within <paramref name="liveWithin"/> has other content:
    /// then records nothing and returns those nodes (atomically: two nodes starting at once cannot both pass).
    /// </summary>
    Task<IReadOnlyList<OtherNode>> JoinAsync(string instanceId, string packs, TimeSpan liveWithin, CancellationToken cancellationToken);

    /// <summary>This node is still alive.</summary>
    Task SeenAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>This node stops: its content no longer counts.</summary>
    Task LeaveAsync(string instanceId, CancellationToken cancellationToken);
}
