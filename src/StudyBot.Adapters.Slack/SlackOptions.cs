namespace StudyBot.Adapters.Slack;

/// <summary>The Slack adapter's settings, bound from <c>StudyBot:Slack</c> (environment: <c>StudyBot__Slack__AppToken</c>, ...).</summary>
public sealed class SlackOptions
{
    public const string Section = "StudyBot:Slack";

    /// <summary>App-level token (<c>xapp-...</c>, scope <c>connections:write</c>): opens Socket Mode connections.</summary>
    public string? AppToken { get; set; }

    /// <summary>Bot User OAuth Token (<c>xoxb-...</c>): calls the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary>Slack user ids (<c>U0123ABCD</c>) who may run the admin sub-commands. Entries may hold several ids separated by commas.</summary>
    public List<string> AdminUserIds { get; set; } = [];

    /// <summary>Whether workspace admins and owners (users.info <c>is_admin</c>/<c>is_owner</c>) may run the admin sub-commands too.</summary>
    public bool WorkspaceAdminsAreAdmins { get; set; } = true;

    /// <summary>Reply language ("en" or "ko") when Slack does not tell a user's locale.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Web API base; <c>apps.connections.open</c> is called here too. Tests point it at a fake Slack.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Asks Slack to refresh the connection every few minutes, to exercise reconnects.</summary>
    public bool DebugReconnects { get; set; }

    /// <summary>How long a slash command or click may take before its envelope is acknowledged without a reply
    /// (the reply then follows through response_url). Slack's own limit is 3 seconds.</summary>
    public TimeSpan AckDeadline { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>How long a new connection may take to say hello before it is replaced.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>WebSocket ping interval and how long to wait for the pong before the socket counts as dead.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First and largest delay between reconnect attempts (exponential, with jitter).</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Pacing of messages per channel: one per interval, with short bursts of up to <see cref="ChannelMessageBurst"/>.</summary>
    public TimeSpan ChannelMessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int ChannelMessageBurst { get; set; } = 3;

    /// <summary>chat.postMessage requests a second across the whole workspace (Slack limits that too, without publishing a figure).</summary>
    public int WorkspaceMessagesPerSecond { get; set; } = 10;

    /// <summary>How often one Web API call is retried after HTTP 429 before it fails.</summary>
    public int MaxRateLimitRetries { get; set; } = 5;

    /// <summary>How long a user's profile (admin flag, locale, name) from users.info is reused.</summary>
    public TimeSpan UserCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>DM channel ids remembered (one per member who gets reminders); beyond that the oldest are opened again when needed.</summary>
    public int DirectChannelCacheSize { get; set; } = 100_000;

    /// <summary>Envelopes handled at the same time; more wait their turn (their ack deadline still holds).</summary>
    public int MaxConcurrentEnvelopes { get; set; } = 64;

    internal HashSet<string> AdminUserIdSet() =>
        AdminUserIds.SelectMany(entry => entry.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
}
