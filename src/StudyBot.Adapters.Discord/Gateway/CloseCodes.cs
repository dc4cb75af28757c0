namespace StudyBot.Adapters.Discord.Gateway;

/// <summary>What to do after the gateway closed the connection.</summary>
public enum NextStep
{
    /// <summary>Reconnect and RESUME the session (identify if there is none).</summary>
    Resume,

    /// <summary>Reconnect and IDENTIFY a new session.</summary>
    Identify,

    /// <summary>Stop for good: retrying cannot help. The reason names the setting to fix.</summary>
    Stop,
}

/// <summary>The gateway close codes and what each means for us.</summary>
public static class CloseCodes
{
    public static (NextStep Next, string Reason) Decide(int? code)
    {
        var token = DiscordOptionsValidator.Setting(nameof(DiscordOptions.Token));
        var shard = $"{DiscordOptionsValidator.Setting(nameof(DiscordOptions.ShardId))} and {DiscordOptionsValidator.Setting(nameof(DiscordOptions.ShardCount))}";
        return code switch
        {
            4004 => (NextStep.Stop, $"Discord rejected the bot token (gateway close 4004, authentication failed). Check {token}: reset it in the Developer Portal (Bot → Reset Token) and update the setting."),
            4010 => (NextStep.Stop, $"Discord refused the shard (gateway close 4010, invalid shard). Check {shard}: ShardId must be below ShardCount."),
            4011 => (NextStep.Stop, $"Discord requires sharding for this bot (gateway close 4011). Raise {DiscordOptionsValidator.Setting(nameof(DiscordOptions.ShardCount))} and run one process per shard."),
            4012 => (NextStep.Stop, "Discord refused gateway version 10 (gateway close 4012). Update StudyBot."),
            4013 => (NextStep.Stop, "Discord refused the intents (gateway close 4013, invalid intents). Update StudyBot."),
            4014 => (NextStep.Stop, "Discord refused an intent the bot is not allowed (gateway close 4014, disallowed intents). StudyBot asks for none; check the bot's settings in the Developer Portal."),
            4007 => (NextStep.Identify, "invalid sequence on resume (4007)"),
            4009 => (NextStep.Identify, "session timed out (4009)"),
            4000 => (NextStep.Resume, "unknown error (4000)"),
            4001 => (NextStep.Resume, "unknown opcode sent (4001)"),
            4002 => (NextStep.Resume, "payload could not be decoded (4002)"),
            4003 => (NextStep.Resume, "not authenticated yet (4003)"),
            4005 => (NextStep.Resume, "already authenticated (4005)"),
            4008 => (NextStep.Resume, "gateway rate limit hit (4008)"),
            null => (NextStep.Resume, "closed without a code"),
            _ => (NextStep.Resume, $"closed with code {code}"),
        };
    }
}
