namespace StudyBot.Adapters.Discord;

/// <summary>
/// Settings of the Discord adapter, bound from <c>StudyBot:Discord</c> (environment
/// <c>StudyBot__Discord__Token</c>, ...). Timings are settings so tests can shrink them.
/// </summary>
public sealed class DiscordOptions
{
    public const string Section = "StudyBot:Discord";

    /// <summary>The bot token from the Developer Portal (Bot → Reset Token), without a "Bot " prefix. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>REST base including the version; tests point it at a fake server.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Overrides the gateway URL that <c>GET /gateway/bot</c> returns (for tests and proxies).</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>
    /// How many shards the bot runs (servers are split by <c>(guild_id &gt;&gt; 22) % ShardCount</c>): a
    /// number, or <c>auto</c> (or 0) for the count Discord recommends in <c>GET /gateway/bot</c>. The
    /// nodes of a cluster divide the shards between them through leases in the shared database; a single
    /// node runs them all. Every node must be given the same value.
    /// </summary>
    public string ShardCount { get; set; } = "1";

    /// <summary>
    /// Pins this node to one shard instead of claiming whichever are free (the older one-process-per-shard
    /// setup). The shard's lease is still taken, so two nodes never run it at once.
    /// </summary>
    public int? ShardId { get; set; }

    /// <summary>The fixed shard count, or null for Discord's recommendation (<c>auto</c> or 0).</summary>
    internal int? FixedShardCount =>
        ShardCount.Trim() is var text && (text.Equals("auto", StringComparison.OrdinalIgnoreCase) || text == "0") ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count
        : throw new InvalidOperationException($"{DiscordOptionsValidator.Setting(nameof(ShardCount))} must be a number of shards (1 or more) or 'auto'.");

    /// <summary>Register the slash commands at start (a bulk overwrite, so it is safe to repeat).</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>Register the commands in this one server only: they appear at once, handy while developing.</summary>
    public string? CommandGuildId { get; set; }

    /// <summary>Shown in the User-Agent header Discord asks bots to send.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/studybot/studybot";

    /// <summary>When a command or click has not been answered by then, the adapter defers it (Discord's limit is 3 s).</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First reconnect delay; doubles per failed attempt up to <see cref="ReconnectMaxDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Discord asks for a random 1–5 s wait after an INVALID_SESSION before identifying again.</summary>
    public TimeSpan InvalidSessionMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Discord allows one IDENTIFY per 5 s per concurrency bucket (<c>shard_id % max_concurrency</c>); the
    /// nodes of a cluster take the bucket's lease for this long before identifying.
    /// </summary>
    public TimeSpan IdentifySpacing { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for HELLO after connecting before treating the connection as dead.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Requests per second across the bot (Discord's global limit is 50).</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>DM channel ids remembered (one per member who gets reminders); beyond that the oldest are opened again when needed.</summary>
    public int DirectChannelCacheSize { get; set; } = 100_000;

    /// <summary>How often one request is retried after 429 responses before giving up.</summary>
    public int MaxRateLimitRetries { get; set; } = 5;
}
