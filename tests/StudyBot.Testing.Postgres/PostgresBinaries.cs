namespace StudyBot.Testing.Postgres;

/// <summary>Where the PostgreSQL server programs are, and whether the tests can have a server at all.</summary>
public static class PostgresBinaries
{
    /// <summary>The connection string of a server the developer or CI provides; the tests then start none.</summary>
    public const string ConnectionVariable = "STUDYBOT_TEST_POSTGRES";

    /// <summary>A bin folder holding initdb and pg_ctl, for servers installed elsewhere than /usr/lib/postgresql (e.g. Homebrew).</summary>
    public const string BinariesVariable = "STUDYBOT_TEST_POSTGRES_BIN";

    public const string HowToInstall =
        "install the server (Debian/Ubuntu: 'sudo apt-get install postgresql', which puts initdb and pg_ctl under /usr/lib/postgresql/<version>/bin) " +
        $"or set {ConnectionVariable} to a connection string of a server the tests may create databases on";

    /// <summary>The bin folder of the newest PostgreSQL under /usr/lib/postgresql, or null when none is installed.</summary>
    public static string? Folder { get; } = Find();

    public static string? ProvidedConnectionString => Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can (a provided server or the binaries).</summary>
    public static string? MissingReason =>
        ProvidedConnectionString is not null || Folder is not null
            ? null
            : $"No PostgreSQL server for the tests: no initdb under /usr/lib/postgresql/*/bin (or {BinariesVariable}) and {ConnectionVariable} is not set; {HowToInstall}.";

    /// <summary>In CI a missing server is a failure, never a skip: CI must test both providers.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(BinariesVariable) is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, "initdb")) && File.Exists(Path.Combine(configured, "pg_ctl")) ? configured : null;
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "initdb")) && File.Exists(Path.Combine(d.Dir, "bin", "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "bin"))
            .FirstOrDefault();
    }
}
