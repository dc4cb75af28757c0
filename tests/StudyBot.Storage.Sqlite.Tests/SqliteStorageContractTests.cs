using StudyBot.Storage.Contract;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>The storage contract on the SQLite stores, each test on a new file in a temp folder.</summary>
public sealed class SqliteStorageContractTests : StorageContract
{
    protected override Task<IStorageUnderTest> CreateStorageAsync() => Task.FromResult<IStorageUnderTest>(new SqliteStorage());
}
