using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Core.Chat;
using StudyBot.Testing;
using StudyBot.Testing.Postgres;

namespace StudyBot.Tests;

/// <summary>Nodes of one cluster with the same or other content, as real hosts on one PostgreSQL database.</summary>
public sealed class NodeContentTests : IDisposable
{
    private readonly TempDirectory _same = new();
    private readonly TempDirectory _edited = new();

    public void Dispose()
    {
        _same.Dispose();
        _edited.Dispose();
    }

    [PostgresFact]
    public async Task A_node_with_other_content_is_refused_naming_the_pack_and_starts_once_the_others_have_stopped()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            var content = EndToEndPack.WriteTo(_same);
            var edited = EndToEndPack.WriteTo(_edited);
            // The same question ids, one answer key changed: a click would be graded two ways.
            var questions = Path.Combine(edited, "e2e", "questions", "ebs.yaml");
            await File.WriteAllTextAsync(questions, (await File.ReadAllTextAsync(questions)).Replace("answer: B", "answer: A", StringComparison.Ordinal));

            using var first = Node(connectionString, content, "node-a");
            await first.StartAsync();
            using var second = Node(connectionString, content, "node-b");
            await second.StartAsync();

            using var other = Node(connectionString, edited, "node-c");
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => other.StartAsync());
            Assert.Equal("this node's content differs from the running node(s) node-a, node-b in pack(s) e2e (StudyBot:Content:Path). " +
                "Deploy the same content/ folder to every node, then restart the nodes.", refused.Message);

            await first.StopAsync();
            await second.StopAsync();
            using var replacement = Node(connectionString, edited, "node-c");
            await replacement.StartAsync();
            await replacement.StopAsync();
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    private static IHost Node(string connectionString, string content, string instanceId)
    {
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={content}",
            "--StudyBot:Storage:Provider=postgres",
            $"--StudyBot:Storage:ConnectionString={connectionString}",
            $"--StudyBot:Scheduling:InstanceId={instanceId}",
            "--StudyBot:Console:Enabled=false",
        ]);
        builder.Services.AddSingleton<IChatPlatform>(new RecordingChatPlatform());
        return builder.Build();
    }
}
