using Microsoft.Extensions.Logging;

namespace StudyBot.Core.Storage;

/// <summary>
/// Whether the database is reachable, as the last store call found it. Logs once when an outage starts and
/// once when it ends, however many requests fail meanwhile.
/// </summary>
public sealed class StorageOutage(ILogger<StorageOutage> logger)
{
    private int _down;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    public void Failed(Exception cause)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
            logger.LogWarning("The database is not reachable ({Reason}); commands and clicks answer \"try again in a moment\" until it is back.", cause.Message);
    }

    public void Succeeded()
    {
        // The read first: the common case (no outage) writes nothing shared.
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
            logger.LogInformation("The database is reachable again.");
    }
}
