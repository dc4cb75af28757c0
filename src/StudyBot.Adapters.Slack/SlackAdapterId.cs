namespace StudyBot.Adapters.Slack;

/// <summary>
/// The adapter's name in channel addresses, settings and logs, and the key of its <c>AdapterStatus</c>.
/// At the root so the client (which knows no core) and the bot share it.
/// </summary>
internal static class SlackAdapterId
{
    public const string Value = "slack";
}
