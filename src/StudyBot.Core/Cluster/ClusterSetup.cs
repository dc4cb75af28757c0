using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Cluster;

public static class ClusterSetup
{
    /// <summary>The node id setting: the one Quartz's clustered scheduler uses, so a node has one name.</summary>
    public const string NodeIdSetting = "StudyBot:Scheduling:InstanceId";

    /// <summary>
    /// This node's presence in the cluster (<see cref="ClusterPresence"/>), for the adapters that share a
    /// budget or divide work. Safe to call from each adapter's setup: the first call registers it.
    /// </summary>
    public static IHostApplicationBuilder AddClusterPresence(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(ClusterPresence))) return builder;
        var nodeId = builder.Configuration[NodeIdSetting] is { Length: > 0 } id ? id : Environment.MachineName;
        builder.AddValidatedOptions<ClusterOptions>(ClusterOptions.Section).Configure(o => o.NodeId = nodeId);
        builder.Services.TryAddSingleton(TimeProvider.System);
        // A storage provider registers the shared store (AddSingleton: the last registration wins, wherever it stands).
        builder.Services.TryAddSingleton<IClusterLeases, InMemoryClusterLeases>();
        builder.Services.AddSingleton<ClusterPresence>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ClusterPresence>());
        return builder;
    }
}
