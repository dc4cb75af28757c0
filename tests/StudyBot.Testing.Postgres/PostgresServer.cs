using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace StudyBot.Testing.Postgres;

/// <summary>
/// A PostgreSQL server for tests, and a fresh database per test on it. <see cref="SharedAsync"/> is
/// the one server of a test run: the one in <see cref="PostgresBinaries.ConnectionVariable"/> when set,
/// else a throwaway one started from the machine's binaries (initdb into a temp folder, pg_ctl on a
/// free 127.0.0.1 port, the socket in that folder), stopped and deleted when the run ends. Tests that
/// stop the server on purpose start their own with <see cref="StartAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync);

    private readonly string? _folder;
    private readonly string? _serverOptions;

    private PostgresServer(string adminConnectionString, string? folder, string? serverOptions)
    {
        AdminConnectionString = adminConnectionString;
        _folder = folder;
        _serverOptions = serverOptions;
    }

    /// <summary>The superuser's password on servers this fixture starts (throwaway, on 127.0.0.1 only).</summary>
    public const string Password = "studybot-test";

    /// <summary>A superuser connection to the server's <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The run's one server, started on first use.</summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    private static async Task<PostgresServer> StartSharedAsync()
    {
        if (PostgresBinaries.ProvidedConnectionString is { } provided) return new PostgresServer(provided, null, null);
        var server = await StartAsync();
        // The run's server lives as long as the test process. ProcessExit is the one hook xunit 2
        // gives an assembly-wide resource, but the test runner may kill its test host before that
        // hook has run: a watchdog shell stops the server and deletes its folder once this process is gone.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        server.StartWatchdog();
        return server;
    }

    /// <summary>
    /// A new throwaway server of this test's own. <paramref name="durable"/> keeps fsync on (benchmarks
    /// of commit cost); tests run with fsync off, which still keeps every commit across a crash of the
    /// server (the operating system holds the written WAL), only not across a power cut.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var bin = PostgresBinaries.Folder ?? throw new InvalidOperationException(PostgresBinaries.MissingReason ??
            $"This test needs the PostgreSQL server binaries: {PostgresBinaries.HowToInstall}.");
        DeleteLeftovers();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        // initdb refuses to run as root: the server then runs as the postgres system user, who must own the folder.
        // A password over TCP (as production has), so a wrong one is refused as it would be there.
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (RunsAsRoot) await RunAsync("chown", ["-R", "postgres:postgres", folder], asServerUser: false);
        await RunAsync(Path.Combine(bin, "initdb"),
            ["-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}",
                "-E", "UTF8", "--no-locale", "--no-sync"], asServerUser: true, folder);
        var port = FreePort();
        var options = $"-k {folder} -p {port} -h 127.0.0.1 -c max_connections=200 -c full_page_writes=off" + (durable ? "" : " -c fsync=off");
        var server = new PostgresServer(
            new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Password = Password, Database = "postgres", Pooling = false }.ToString(),
            folder, options);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>A new, empty database; the connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what is still connected to it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Kills the server as a crash would (pg_ctl stop -m immediate): no shutdown checkpoint.</summary>
    public Task StopAsync() => PgCtlAsync(["stop", "-m", "immediate", "-w"]);

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port, with the same data.</summary>
    public Task StartServerAsync() =>
        PgCtlAsync(["start", "-w", "-t", "60", "-l", Path.Combine(OwnFolder, "server.log"), "-o", _serverOptions!]);

    public async ValueTask DisposeAsync()
    {
        if (_folder is null) return;
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped (a test stopped it and did not restart it).
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is left for the OS to clean.
        }
    }

    private void StartWatchdog()
    {
        var pgCtl = Path.Combine(PostgresBinaries.Folder!, "pg_ctl");
        var stop = RunsAsRoot ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
            $"{stop} -D '{OwnFolder}/data' stop -m immediate -w >/dev/null 2>&1; rm -rf '{OwnFolder}'";
        var start = new ProcessStartInfo("sh") { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        Process.Start(start)?.Dispose();
    }

    private string OwnFolder => _folder ?? throw new InvalidOperationException($"The server in {PostgresBinaries.ConnectionVariable} is not this run's to stop or start.");

    private Task PgCtlAsync(IReadOnlyList<string> arguments) =>
        RunAsync(Path.Combine(PostgresBinaries.Folder!, "pg_ctl"), ["-D", Path.Combine(OwnFolder, "data"), .. arguments], asServerUser: true, OwnFolder);

    private const string FolderPrefix = "studybot-pg-";

    /// <summary>
    /// Folders of earlier runs whose server is no longer running (no postmaster.pid): a test process
    /// that was killed, or ended before its exit hook had deleted the folder.
    /// </summary>
    private static void DeleteLeftovers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            // An hour's grace: a folder another test process is still initialising has no postmaster.pid yet either.
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")) || Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddHours(-1)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run's or another user's: not ours to clean.
            }
        }
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(asServerUser && RunsAsRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The server user may not be able to enter the test's working directory.
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        if (asServerUser && RunsAsRoot)
        {
            foreach (var argument in (string[])["-u", "postgres", "--", program]) start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
