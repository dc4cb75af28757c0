using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Cluster;
using StudyBot.Core.Storage;
using StudyBot.Storage.Postgres;
using StudyBot.Testing.Postgres;

namespace StudyBot.Adapters.Discord.Tests.Cluster;

/// <summary>
/// Two nodes (two hosts in this process) sharing one PostgreSQL database and one fake Discord, with
/// short leases: the shards are divided, taken over when a node dies, and identified no faster than
/// Discord's buckets allow; the global REST budget is split between them.
/// </summary>
public sealed class TwoNodeShardTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [PostgresFact]
    public async Task Two_shards_run_once_each_across_two_nodes_and_a_dead_nodes_shard_moves_after_its_lease_expires()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await using var database = new PostgresDatabase(connectionString);
        await database.MigrateAsync();
        await using var fake = await FakeDiscord.StartAsync();
        fake.Shards.IdentifyWindow = TimeSpan.FromMilliseconds(400);
        using var serving = new CancellationTokenSource();
        var sessions = fake.ServeSessionsAsync(serving.Token);
        var leasesA = new SeverableLeases(new PostgresClusterLeases(database));
        try
        {
            await using var nodeA = await NodeAsync(fake, "node-a", leasesA);
            Assert.True(await WaitUntil(async () => (await HoldersAsync(connectionString)).Count == 2), "node A alone claims both shards");
            await using var nodeB = await NodeAsync(fake, "node-b", new PostgresClusterLeases(database));

            Assert.True(await WaitUntil(async () => (await HoldersAsync(connectionString)).Values.Order().SequenceEqual(["node-a", "node-b"])
                                                    && fake.Shards.OpenSessions(0) == 1 && fake.Shards.OpenSessions(1) == 1),
                $"each node runs one shard: {Describe(await HoldersAsync(connectionString))}");
            Assert.Equal(25, Budget(nodeA));
            Assert.Equal(25, Budget(nodeB));

            // Node A loses the database and then stops: nothing released, its leases run out.
            leasesA.Sever();
            var lostShard = (await HoldersAsync(connectionString)).Single(h => h.Value == "node-a").Key;
            await nodeA.Host.StopAsync();

            Assert.True(await WaitUntil(async () => (await HoldersAsync(connectionString)).Values.All(h => h == "node-b")
                                                    && (await HoldersAsync(connectionString)).Count == 2
                                                    && fake.Shards.OpenSessions(0) == 1 && fake.Shards.OpenSessions(1) == 1),
                $"node B runs both shards: {Describe(await HoldersAsync(connectionString))}");
            Assert.Contains(fake.Shards.Identifies, i => i.ShardId == int.Parse(lostShard["discord-shard:".Length..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(await WaitUntil(() => Task.FromResult(Budget(nodeB) == 50)), $"node B alone has the whole budget: {Budget(nodeB)}");
            Assert.True(fake.Shards.Violations.Count == 0, string.Join("; ", fake.Shards.Violations));
            Assert.All(fake.Shards.Identifies, i => Assert.Equal(2, i.ShardCount));
        }
        finally
        {
            await serving.CancelAsync();
            await sessions;
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [PostgresFact]
    public async Task Two_nodes_sending_at_once_keep_together_to_the_bots_global_limit()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await using var database = new PostgresDatabase(connectionString);
        await database.MigrateAsync();
        await using var fake = await FakeDiscord.StartAsync();
        fake.RateLimits = new FakeRateLimits(globalPerSecond: 50, perChannel: 50);
        try
        {
            // REST only: no gateway, the presence leases alone decide the shares.
            await using var nodeA = await NodeAsync(fake, "node-a", new PostgresClusterLeases(database), start: false);
            await using var nodeB = await NodeAsync(fake, "node-b", new PostgresClusterLeases(database), start: false);
            foreach (var node in new[] { nodeA, nodeB }) await node.Host.Services.GetRequiredService<ClusterPresence>().RenewAsync(default);
            await nodeA.Host.Services.GetRequiredService<ClusterPresence>().RenewAsync(default);
            Assert.Equal((25, 25), (Budget(nodeA), Budget(nodeB)));

            // 75 each: 150 in all, three seconds' worth of the bot's 50 a second.
            var sends = new[] { nodeA, nodeB }.SelectMany((node, n) => Enumerable.Range(0, 75).Select(i =>
                node.Host.Services.GetRequiredService<DiscordApi>().CreateMessageAsync($"{n}{i:D3}", new JsonObject { ["content"] = "hi" }, default)));
            await Task.WhenAll(sends);

            Assert.Equal(150, fake.RequestsTo("POST", "channels/").Count);
            Assert.Equal(0, fake.RateLimits.GlobalRejections);
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    private static Task<DiscordTestHost> NodeAsync(FakeDiscord fake, string nodeId, IClusterLeases leases, bool start = true) =>
        DiscordTestHost.StartAsync(fake, new Dictionary<string, string?>
        {
            ["StudyBot:Scheduling:InstanceId"] = nodeId,
            ["StudyBot:Cluster:LeaseDuration"] = "00:00:01.500",
            ["StudyBot:Discord:ShardCount"] = "2",
            ["StudyBot:Discord:IdentifySpacing"] = "00:00:00.500",
            ["StudyBot:Discord:RegisterCommands"] = "false",
        }, start: start, services: services => services.AddSingleton(leases));

    private static int Budget(DiscordTestHost node) => node.Host.Services.GetRequiredService<DiscordRateLimits>().Global.PerSecond;

    /// <summary>The live shard leases: shard lease name → holding node.</summary>
    private static async Task<Dictionary<string, string>> HoldersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var rows = await connection.QueryAsync<(string Name, string Holder)>(
            "SELECT name, holder FROM cluster_leases WHERE name LIKE 'discord-shard:%' AND expires_at > @now", new { now });
        return rows.ToDictionary(r => r.Name, r => r.Holder);
    }

    private static string Describe(Dictionary<string, string> holders) => string.Join(", ", holders.Select(h => $"{h.Key}={h.Value}"));

    private static async Task<bool> WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Settle;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return await condition();
    }
}
