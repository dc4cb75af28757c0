using System.Diagnostics;
using System.Globalization;
using Npgsql;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Storage.Postgres;
using StudyBot.Testing.Postgres;

namespace StudyBot.Benchmarks.Drills;

/// <summary>
/// Three bot nodes (the real host, each its own process: <see cref="DrillChild"/> "node") on one
/// throwaway PostgreSQL, each with its own Quartz instance id and its own platform token, so the fake
/// can tell which node sent what. Nodes are started one after another: the first provisions Quartz's
/// schema and stores the triggers, the others find them.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    public const int Size = 3;

    private readonly TempDirectory _dir = new();
    private readonly PostgresServer _server;
    private readonly BotProcess?[] _nodes = new BotProcess?[Size];

    private Cluster(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>Stopwatch timestamp of the kill -9, once <see cref="Kill"/> ran.</summary>
    public long KilledAt { get; private set; }

    public static string NodeName(int node) => $"node{node}";

    /// <summary>The database with the bot's migrations applied and nothing else; null (with a line on stderr) without the server binaries.</summary>
    public static async Task<Cluster?> StartDatabaseAsync(string drill)
    {
        if (PostgresBinaries.Folder is null)
        {
            Console.Error.WriteLine($"{drill}: skipped, needs PostgreSQL: {PostgresBinaries.HowToInstall}");
            return null;
        }
        var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await PostgresMigrator.MigrateAsync(dataSource, default);
        return new Cluster(server, connectionString);
    }

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Starts a node and waits until its host is up and <paramref name="connected"/> (the fake's side of its handshake) is done.</summary>
    public async Task StartNodeAsync(int node, TimeSpan clockOffset, IEnumerable<string> platformSettings, Func<Task> connected)
    {
        string[] args =
        [
            "drill-child", "node", clockOffset.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),
            $"--StudyBot:Content:Path={Repository.Content}",
            "--StudyBot:Storage:Provider=postgres",
            $"--StudyBot:Storage:ConnectionString={ConnectionString}",
            $"--StudyBot:Storage:DatabasePath={_dir.File($"{NodeName(node)}.db")}",
            $"--StudyBot:Scheduling:InstanceId={NodeName(node)}",
            .. platformSettings,
        ];
        var process = BotProcess.Start(typeof(Cluster).Assembly.Location, _dir.Path, args);
        _nodes[node] = process;
        await Task.WhenAll(connected(), process.WaitForAsync("STARTED", TimeSpan.FromSeconds(90)));
    }

    /// <summary>kill -9 of one node; the others go on.</summary>
    public void Kill(int node)
    {
        _nodes[node]!.KillHard();
        KilledAt = Stopwatch.GetTimestamp();
    }

    /// <summary>The triggers Quartz had handed to <paramref name="node"/> (acquired or executing) as the database holds them.</summary>
    public IReadOnlyList<string> FiredTriggersOf(int node)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT trigger_name FROM qrtz_fired_triggers WHERE instance_name = $1", connection)
        {
            Parameters = { new() { Value = NodeName(node) } },
        };
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) node?.Dispose();
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
