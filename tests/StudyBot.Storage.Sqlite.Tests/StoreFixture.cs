using StudyBot.Storage.Contract;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>The contract's scenario steps on a real SQLite file, for the tests of what only SQLite does (group commit, a full disk).</summary>
public sealed class StoreFixture : StoreScenario, IDisposable
{
    private readonly SqliteStorage _storage;

    public StoreFixture()
        : this(new SqliteStorage())
    {
    }

    private StoreFixture(SqliteStorage storage)
        : base(storage) => _storage = storage;

    public SqliteDatabase Database => _storage.Database;

    public void Dispose() => _storage.Dispose();
}
