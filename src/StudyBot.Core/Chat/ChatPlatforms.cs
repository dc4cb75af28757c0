namespace StudyBot.Core.Chat;

/// <summary>The adapters running in this process, by platform name.</summary>
public sealed class ChatPlatforms(IEnumerable<IChatPlatform> platforms)
{
    private readonly Dictionary<string, IChatPlatform> _byName =
        platforms.Where(p => p.IsEnabled).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public IChatPlatform Get(string platform) =>
        _byName.TryGetValue(platform, out var adapter)
            ? adapter
            : throw new InvalidOperationException($"No '{platform}' adapter is running, so its channels cannot be posted to. Configure it or disable those channels.");

    public bool IsRunning(string platform) => _byName.ContainsKey(platform);
}
