using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Testing.Postgres;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>
/// Two nodes (two full hosts in this process) on one PostgreSQL database, each with its own Socket Mode
/// connection to one fake Slack: an envelope redelivered to the other node is counted once, the database
/// being the judge, and the workspace pacer is split between the nodes.
/// </summary>
public sealed class TwoNodeEnvelopeTests : IDisposable
{
    private const string Admin = "U0BOSS";
    private const string Channel = "C0STUDY";

    private readonly TempDirectory _dir = new();

    [PostgresFact]
    public async Task The_same_click_and_the_same_form_reaching_both_nodes_make_one_answer_and_one_suggestion()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        EndToEndPack.WriteTo(_dir);
        await using var slack = await FakeSlack.StartAsync();
        try
        {
            using var nodeA = await NodeAsync(slack, connectionString, "node-a");
            var socketA = await slack.NextSocketAsync();
            using var nodeB = await NodeAsync(slack, connectionString, "node-b");
            var socketB = await slack.NextSocketAsync();

            await SlashAsync(socketA, slack, "env-setup", "setup 09:00 Asia/Seoul");
            await SlashAsync(socketA, slack, "env-now", "now");
            var question = await slack.CallAsync("chat.postMessage");
            var firstChoice = question.Body.GetProperty("blocks").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[0].GetProperty("action_id").GetString()!;

            // Slack gave up on node A's ack and delivered the click again, to node B.
            var click = SlackEnvelopes.BlockAction("click-1", firstChoice, slack.ResponseUrl("click-1"), channelId: Channel);
            await socketA.SendAsync(click);
            await socketA.AckAsync("click-1");
            await socketB.SendAsync(SlackEnvelopes.BlockAction("click-1", firstChoice, slack.ResponseUrl("click-1"), channelId: Channel, retryAttempt: 1));
            await socketB.AckAsync("click-1");

            var form = new Dictionary<string, string>
            {
                ["prompt"] = "Where is an EBS snapshot stored?",
                ["choices"] = "In a Region\nIn one Availability Zone",
                ["answer"] = "A",
                ["explanation"] = "Snapshots live in S3, across the Region.",
                ["topic"] = "",
            };
            await socketA.SendAsync(SlackEnvelopes.ViewSubmission("env-form", "sb:f:new", Channel, form));
            await socketA.AckAsync("env-form");
            await socketB.SendAsync(SlackEnvelopes.ViewSubmission("env-form", "sb:f:new", Channel, form));
            await socketB.AckAsync("env-form");

            await using var connection = new NpgsqlConnection(connectionString);
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM suggestions"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cluster_leases WHERE name = 'slack-envelope:env-form'"));
            // Both nodes count each other: each may post half of the workspace's messages a second.
            var perSecond = nodeA.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SlackOptions>>().Value.WorkspaceMessagesPerSecond;
            Assert.True(await WaitUntil(() => Pacer(nodeA) == Math.Max(1, perSecond / 2) && Pacer(nodeB) == Math.Max(1, perSecond / 2)),
                $"shares {Pacer(nodeA)} and {Pacer(nodeB)} of {perSecond}");

            await nodeA.StopAsync();
            await nodeB.StopAsync();
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    private async Task<IHost> NodeAsync(FakeSlack slack, string connectionString, string nodeId)
    {
        var settings = SlackTestHost.Settings(slack);
        settings["StudyBot:Slack:AdminUserIds:0"] = Admin;
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={_dir.File("content")}",
            "--StudyBot:Storage:Provider=postgres",
            $"--StudyBot:Storage:ConnectionString={connectionString}",
            $"--StudyBot:Scheduling:InstanceId={nodeId}",
            "--StudyBot:Cluster:LeaseDuration=00:00:01.500",
            "--StudyBot:Study:AnswerWindow=01:00:00",
            "--StudyBot:Console:Enabled=false",
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
        ]);
        builder.Logging.ClearProviders();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task SlashAsync(FakeSocket socket, FakeSlack slack, string envelopeId, string text)
    {
        await socket.SendAsync(SlackEnvelopes.SlashCommand(envelopeId, text, slack.ResponseUrl(envelopeId), userId: Admin, channelId: Channel));
        await socket.AckAsync(envelopeId);
    }

    private static int Pacer(IHost node) => node.Services.GetRequiredService<WorkspaceMessagePacer>().PerSecond;

    private static async Task<bool> WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        return condition();
    }

    public void Dispose() => _dir.Dispose();
}
