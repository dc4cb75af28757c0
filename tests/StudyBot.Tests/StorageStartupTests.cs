using System.Net;
using System.Net.Sockets;
using StudyBot.Testing;
using StudyBot.Testing.Postgres;

namespace StudyBot.Tests;

/// <summary>The storage settings at start, through the real host: a wrong one is one line that names it, and exit code 1.</summary>
public sealed class StorageStartupTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(int ExitCode, string Error)> StartAsync(params string[] storage)
    {
        EndToEndPack.WriteTo(_dir);
        var error = new StringWriter();
        var exitCode = await BotRun.RunAsync([
            $"--StudyBot:Content:Path={_dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={_dir.File("data/studybot.db")}",
            .. storage,
        ], error);
        return (exitCode, error.ToString());
    }

    [Fact]
    public async Task A_wrong_provider_name_stops_the_bot_naming_the_setting()
    {
        var (exitCode, error) = await StartAsync("--StudyBot:Storage:Provider=mysql");

        Assert.Equal(1, exitCode);
        Assert.Equal("StudyBot cannot start: StudyBot:Storage:Provider is 'mysql': use 'sqlite' (the default) or 'postgres'.", error.TrimEnd());
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_the_bot_naming_the_setting()
    {
        var (exitCode, error) = await StartAsync("--StudyBot:Storage:Provider=postgres");

        Assert.Equal(1, exitCode);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("StudyBot:Storage:ConnectionString must name the PostgreSQL database", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_stops_the_bot_with_one_line_naming_the_setting_and_not_the_password()
    {
        var (exitCode, error) = await StartAsync("--StudyBot:Storage:Provider=postgres",
            $"--StudyBot:Storage:ConnectionString=Host=127.0.0.1;Port={ClosedPort()};Database=studybot;Username=bot;Password=hunter2-secret;Timeout=5");

        Assert.Equal(1, exitCode);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("StudyBot cannot start: StudyBot:Storage:ConnectionString: the PostgreSQL database 'studybot' on 127.0.0.1:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", error, StringComparison.Ordinal);
    }

    [PostgresFact(needsBinaries: true)]
    public async Task A_wrong_password_stops_the_bot_with_one_line_naming_the_setting_and_not_the_password()
    {
        await using var server = await PostgresServer.StartAsync();
        var wrong = server.AdminConnectionString.Replace(PostgresServer.Password, "not-the-password-42", StringComparison.Ordinal);

        var (exitCode, error) = await StartAsync("--StudyBot:Storage:Provider=postgres", $"--StudyBot:Storage:ConnectionString={wrong}");

        Assert.Equal(1, exitCode);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("StudyBot:Storage:ConnectionString", error, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-42", error, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
