namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>What to do after the gateway closed the connection.</summary>
internal enum NextStep
{
    /// <summary>Reconnect and RESUME the session (identify if there is none).</summary>
    Resume,

    /// <summary>Reconnect and IDENTIFY a new session.</summary>
    Identify,

    /// <summary>Stop for good: retrying cannot help. The reason names the setting to fix.</summary>
    Stop,
}

/// <summary>The gateway close codes and what each means for us.</summary>
internal static class CloseCodes
{
    public static (NextStep Next, string Reason) Decide(int? code)
    {
        var token = DiscordOptionsValidator.Setting(nameof(DiscordOptions.Token));
        var shard = $"{DiscordOptionsValidator.Setting(nameof(DiscordOptions.ShardId))} and {DiscordOptionsValidator.Setting(nameof(DiscordOptions.ShardCount))}";
        return (GatewayCloseCode?)code switch
        {
            GatewayCloseCode.AuthenticationFailed => (NextStep.Stop, $"Discord rejected the bot token (gateway close 4004, authentication failed). Check {token}: reset it in the Developer Portal (Bot → Reset Token) and update the setting."),
            GatewayCloseCode.InvalidShard => (NextStep.Stop, $"Discord refused the shard (gateway close 4010, invalid shard). Check {shard}: ShardCount must be the same on every node, and ShardId below it."),
            GatewayCloseCode.ShardingRequired => (NextStep.Stop, $"Discord requires sharding for this bot (gateway close 4011). Raise {DiscordOptionsValidator.Setting(nameof(DiscordOptions.ShardCount))} (or set it to auto), the same on every node."),
            GatewayCloseCode.InvalidApiVersion => (NextStep.Stop, "Discord refused gateway version 10 (gateway close 4012). Update StudyBot."),
            GatewayCloseCode.InvalidIntents => (NextStep.Stop, "Discord refused the intents (gateway close 4013, invalid intents). Update StudyBot."),
            GatewayCloseCode.DisallowedIntents => (NextStep.Stop, "Discord refused an intent the bot is not allowed (gateway close 4014, disallowed intents). StudyBot asks for none; check the bot's settings in the Developer Portal."),
            GatewayCloseCode.InvalidSequence => (NextStep.Identify, "invalid sequence on resume (4007)"),
            GatewayCloseCode.SessionTimedOut => (NextStep.Identify, "session timed out (4009)"),
            GatewayCloseCode.UnknownError => (NextStep.Resume, "unknown error (4000)"),
            GatewayCloseCode.UnknownOpcode => (NextStep.Resume, "unknown opcode sent (4001)"),
            GatewayCloseCode.DecodeError => (NextStep.Resume, "payload could not be decoded (4002)"),
            GatewayCloseCode.NotAuthenticated => (NextStep.Resume, "not authenticated yet (4003)"),
            GatewayCloseCode.AlreadyAuthenticated => (NextStep.Resume, "already authenticated (4005)"),
            GatewayCloseCode.RateLimited => (NextStep.Resume, "gateway rate limit hit (4008)"),
            null => (NextStep.Resume, "closed without a code"),
            _ => (NextStep.Resume, $"closed with code {code}"),
        };
    }
}
