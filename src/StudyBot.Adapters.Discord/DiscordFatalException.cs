namespace StudyBot.Adapters.Discord;

/// <summary>An error no retry can fix (a rejected token, a refused shard or intent). The message names the setting to change.</summary>
public sealed class DiscordFatalException : Exception
{
    public DiscordFatalException()
    {
    }

    public DiscordFatalException(string message) : base(message)
    {
    }

    public DiscordFatalException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
