using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Discord.Client.Gateway;
using StudyBot.Adapters.Discord.Client.Rest;

namespace StudyBot.Adapters.Discord.Client;

/// <summary>
/// The client layer's log lines, source-generated so a disabled level costs nothing on the receive
/// loop and in the rate limiter. Routes are logged by template: interaction paths hold tokens.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Debug, "Waiting {Wait} for the rate-limit bucket of {Route}.")]
    public static partial void WaitingForBucket(this ILogger logger, TimeSpan wait, DiscordRoute route);

    [LoggerMessage(102, LogLevel.Warning, "Rate limited on {Route} ({Scope}); retrying in {RetryAfter}.")]
    public static partial void RateLimited(this ILogger logger, DiscordRoute route, string scope, TimeSpan retryAfter);

    [LoggerMessage(110, LogLevel.Warning, "Discord's daily session-start budget is used up ({Total} a day); waiting {Wait} before identifying. Frequent restarts or crash loops spend it.")]
    public static partial void SessionStartsUsedUp(this ILogger logger, int total, TimeSpan wait);

    [LoggerMessage(111, LogLevel.Warning, "Only {Remaining} of {Total} daily Discord session starts are left.")]
    public static partial void FewSessionStartsLeft(this ILogger logger, int remaining, int total);

    [LoggerMessage(120, LogLevel.Warning, "Could not ask Discord for the gateway ({Error}); retrying in {Delay} (attempt {Attempt}).")]
    public static partial void GatewayLookupFailed(this ILogger logger, Exception exception, string error, TimeSpan delay, int attempt);

    [LoggerMessage(121, LogLevel.Warning, "Discord recommends {Shards} shards; {Setting} is {Count}.")]
    public static partial void MoreShardsRecommended(this ILogger logger, int shards, string setting, int count);

    [LoggerMessage(122, LogLevel.Warning, "Resuming failed {Count} times in a row; identifying a new session.")]
    public static partial void ResumesKeepFailing(this ILogger logger, int count);

    [LoggerMessage(123, LogLevel.Warning, "Discord gateway connection ended: {Reason}. {Next} in {Delay} (attempt {Attempt}).")]
    public static partial void ConnectionEnded(this ILogger logger, string reason, string next, TimeSpan delay, int attempt);

    [LoggerMessage(130, LogLevel.Warning, "Skipped a malformed gateway frame ({Bytes} bytes); the connection stays open.")]
    public static partial void MalformedFrame(this ILogger logger, int bytes);

    [LoggerMessage(131, LogLevel.Debug, "Ignored gateway op {Op}.")]
    public static partial void IgnoredOp(this ILogger logger, int op);

    [LoggerMessage(132, LogLevel.Information, "Discord session resumed at sequence {Sequence}.")]
    public static partial void Resumed(this ILogger logger, long? sequence);

    [LoggerMessage(133, LogLevel.Warning, "READY without a session id or resume URL; the next drop will identify anew.")]
    public static partial void ReadyWithoutSession(this ILogger logger);

    [LoggerMessage(134, LogLevel.Information, "Connected to Discord as {User} (shard {Shard}/{Shards}).")]
    public static partial void Connected(this ILogger logger, string? user, int shard, int shards);

    [LoggerMessage(140, LogLevel.Warning, "Could not take the identify slot for shard {Shard} ({Error}); asking again.")]
    public static partial void IdentifySlotUnavailable(this ILogger logger, int shard, string error);

    [LoggerMessage(141, LogLevel.Information, "Running Discord shard {Shard} on this node ({Node}).")]
    public static partial void ShardClaimed(this ILogger logger, GatewayShard shard, string node);

    [LoggerMessage(142, LogLevel.Warning, "Stopping Discord shard {Shard} on this node: {Reason}.")]
    public static partial void ShardLost(this ILogger logger, GatewayShard shard, string reason);

    [LoggerMessage(143, LogLevel.Warning, "Could not reach the cluster leases for the Discord shards ({Error}); shards keep running until their leases would expire.")]
    public static partial void ShardLeasesUnavailable(this ILogger logger, string error);

    [LoggerMessage(144, LogLevel.Information, "Discord shard count: {Count} ({Source}).")]
    public static partial void ShardCountChosen(this ILogger logger, int count, string source);
}
