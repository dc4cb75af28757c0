namespace StudyBot.Core.Storage;

/// <summary>
/// The database cannot be reached right now: the server is down or restarting, a connection broke, the file
/// cannot be opened. Only a storage provider knows its driver's errors, so the provider throws this (see
/// <see cref="StorageGuard"/>) and the core answers "try again in a moment". The call may or may not have
/// been committed; it must never be reported as done.
/// </summary>
public sealed class StorageUnavailableException(Exception cause)
    : Exception($"The database is not reachable ({cause.Message}).", cause);
