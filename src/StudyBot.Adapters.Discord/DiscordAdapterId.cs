namespace StudyBot.Adapters.Discord;

/// <summary>
/// The adapter's name in channel addresses, settings, logs and as the key of its AdapterStatus. It lives
/// beside the options rather than in Bot/ so the client layer can key its status without knowing the bot layer.
/// </summary>
internal static class DiscordAdapterId
{
    public const string Value = "discord";
}
