namespace StudyBot.Storage.Contract;

/// <summary>
/// What every implementation of the core's storage ports must do. A provider plugs in with one
/// derived class that makes fresh, empty stores; the cases are split by port over the partial files.
/// </summary>
public abstract partial class StorageContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = StoreScenario.T0;
    protected static readonly DateOnly Day = DateOnly.FromDateTime(T0.UtcDateTime);

    private IStorageUnderTest? _storage;
    private StoreScenario? _store;

    /// <summary>The factory method: a new, empty set of the provider's stores for one test.</summary>
    protected abstract Task<IStorageUnderTest> CreateStorageAsync();

    protected StoreScenario Store => _store ?? throw new InvalidOperationException("The stores are made in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _storage = await CreateStorageAsync();
        _store = new StoreScenario(_storage);
    }

    public async Task DisposeAsync()
    {
        if (_storage is not null) await _storage.DisposeAsync();
    }
}
