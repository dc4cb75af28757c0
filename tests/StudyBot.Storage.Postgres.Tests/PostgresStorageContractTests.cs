using StudyBot.Storage.Contract;

namespace StudyBot.Storage.Postgres.Tests;

/// <summary>The storage contract on the PostgreSQL stores, each test on a new database of the run's server.</summary>
public sealed class PostgresStorageContractTests : StorageContract
{
    protected override async Task<IStorageUnderTest> CreateStorageAsync() => await PostgresStorage.CreateAsync();
}
