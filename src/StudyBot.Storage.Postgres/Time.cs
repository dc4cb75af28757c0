namespace StudyBot.Storage.Postgres;

/// <summary>Instants are stored as UTC milliseconds (BIGINT), as in SQLite: range queries stay index scans and rows copy as they are.</summary>
internal static class Time
{
    public static long ToMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? FromMs(long? value) => value is { } ms ? FromMs(ms) : null;
}
