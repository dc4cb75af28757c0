namespace StudyBot.Adapters.Common;

/// <summary>The adapter has given up for good; the message says which setting to fix.</summary>
public sealed class AdapterStoppedException : Exception
{
    public AdapterStoppedException()
    {
    }

    public AdapterStoppedException(string message) : base(message)
    {
    }

    public AdapterStoppedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
