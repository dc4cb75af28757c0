namespace StudyBot.Storage.Sqlite;

/// <summary>Instants are stored as UTC milliseconds: compact, and range queries stay index scans.</summary>
internal static class Time
{
    public static long ToMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? FromMs(long? value) => value is { } ms ? FromMs(ms) : null;
}
