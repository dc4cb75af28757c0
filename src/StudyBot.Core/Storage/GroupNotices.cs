namespace StudyBot.Core.Storage;

/// <summary>The group-study extras whose missing permission an admin has already been told about (stored as bits).</summary>
[Flags]
public enum GroupNotices
{
    None = 0,
    Thread = 1,
    Pin = 2,
}
