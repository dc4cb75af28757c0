namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>One shard of the bot, as IDENTIFY names it: <c>shard: [Id, Count]</c>.</summary>
internal readonly record struct GatewayShard(int Id, int Count)
{
    /// <summary>The identify bucket Discord puts the shard in: shards of one key identify at most once per 5 s.</summary>
    public int RateLimitKey(int maxConcurrency) => Id % Math.Max(1, maxConcurrency);

    public override string ToString() => $"{Id}/{Count}";
}
