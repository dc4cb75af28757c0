using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// Opens connections to the StudyBot database and brings its schema up to date. The file runs in
/// WAL mode with synchronous=FULL: a committed answer survives a crash or power loss, which is the
/// promise behind acknowledging it.
/// </summary>
public sealed class SqliteDatabase
{
    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        GroupCommit = new SqliteGroupCommit(this);
        Users = new KnownUsers(Versions);
    }

    public string Path { get; }
    public string ConnectionString { get; }

    /// <summary>The file's single writer for answers and new users: concurrent writes share one commit.</summary>
    public SqliteGroupCommit GroupCommit { get; }

    /// <summary>Users already committed, by platform id: a known user's click writes no user row.</summary>
    internal KnownUsers Users { get; }

    /// <summary>This process's closes and renames: the versions the reads below are kept at.</summary>
    internal LocalVersions Versions { get; } = new();

    /// <summary>Dated boards as last read, at <see cref="LocalVersions.Channel"/>.</summary>
    internal VersionedCache<SqliteStatsQueries.BoardKey, IReadOnlyList<LeaderboardRow>> Boards { get; } = new();

    /// <summary>Item analysis tallies as last read, at <see cref="LocalVersions.ClosedPosts"/>.</summary>
    internal ItemTallyCache ItemTallies { get; } = new();

    /// <summary>The channel page's reads as last made, at <see cref="LocalVersions.Channel"/>.</summary>
    private VersionedCache<(string Report, long ChannelId, string Arguments), object> ChannelReports { get; } = new();

    /// <summary>
    /// A channel page's read, made once per change of the channel: the topic and streak reads sum every
    /// answer the channel ever had (measured at 0.9-1.5 s a page for 500,000 answers in one channel).
    /// </summary>
    internal async Task<T> ChannelReportAsync<T>(string report, long channelId, string arguments, Func<Task<T>> read) where T : notnull =>
        (T)await ChannelReports.GetAsync((report, channelId, arguments), Versions.Channel(channelId), async () => (object)await read());

    /// <summary>
    /// Caps the file at this many pages on every connection opened from now on (SQLite's
    /// max_page_count); writes past it fail as on a full disk. Null for no cap. The disk-full drill
    /// uses it to fill the "disk" without filling the real one.
    /// </summary>
    public long? MaxPageCount
    {
        get => _maxPageCount;
        set
        {
            _maxPageCount = value;
            _capEverSet = true;
        }
    }

    private long? _maxPageCount;
    private volatile bool _capEverSet;

    /// <summary>SQLite's own default max_page_count: what lifting the cap restores.</summary>
    private const long SqliteDefaultMaxPageCount = 1_073_741_823;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        // Per SQLite handle (pooled handles keep their settings): wait for a writer rather than fail,
        // and fsync each commit. Set once per handle, not on every open of a pooled connection.
        if (!Configured.TryGetValue(connection.Handle!, out _))
        {
            connection.Execute("PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;");
            Configured.AddOrUpdate(connection.Handle!, Marker);
        }
        // Per open once a cap was ever set, since pooled handles keep the old one (SQLite never
        // lowers it below the file's current size).
        if (_capEverSet) connection.Execute($"PRAGMA max_page_count = {_maxPageCount ?? SqliteDefaultMaxPageCount};");
        return connection;
    }

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private static readonly object Marker = new();

    /// <summary>Applies the embedded <c>Migrations/NNN_*.sql</c> scripts newer than the file's <c>user_version</c>, each in its own transaction.</summary>
    public int Migrate()
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);

        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
        var current = connection.ExecuteScalar<int>("PRAGMA user_version;");
        var applied = 0;
        foreach (var (version, sql) in Migrations().Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(sql, transaction: transaction);
            connection.Execute($"PRAGMA user_version = {version};", transaction: transaction);
            transaction.Commit();
            applied++;
        }
        return applied;
    }

    public static int LatestVersion => Migrations().Max(m => m.Version);

    private static IEnumerable<(int Version, string Sql)> Migrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = name["Migrations.".Length..];
            var version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (version, reader.ReadToEnd());
        }
    }
}
