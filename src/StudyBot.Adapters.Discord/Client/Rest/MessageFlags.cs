namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>Bits of a message's <c>flags</c> field that StudyBot sets.</summary>
internal static class MessageFlags
{
    /// <summary>Only the user who triggered the interaction sees the message.</summary>
    public const int Ephemeral = 64;
}
