using Microsoft.Extensions.Options;
using StudyBot.Adapters.Common;

namespace StudyBot.Adapters.Discord;

/// <summary>Checks the settings at start so a wrong one fails with a message that names it.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    /// <summary>"StudyBot:Discord:X (environment StudyBot__Discord__X)": how a message names a setting.</summary>
    public static string Setting(string name) => SettingName.Of(DiscordOptions.Section, name);

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        // A missing token is not an error here: the adapter reports it through AdapterStatus so that
        // other adapters keep running. A malformed one is a typo worth failing on at once.
        if (options.Token is { Length: > 0 } token)
        {
            if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
                errors.Add($"{Setting(nameof(options.Token))} must be the token alone, without the \"Bot \" prefix.");
            else if (token.Any(char.IsWhiteSpace))
                errors.Add($"{Setting(nameof(options.Token))} contains whitespace; paste the token exactly as the Developer Portal shows it.");
        }
        var shardCount = ShardCountOf(options, errors);
        if (options.ShardId is { } shardId && (shardId < 0 || (shardCount is { } count && shardId >= count)))
            errors.Add($"{Setting(nameof(options.ShardId))} must be between 0 and ShardCount - 1.");
        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
            errors.Add($"{Setting(nameof(options.ApiBaseUrl))} must be an absolute http(s) URL such as https://discord.com/api/v10/.");
        if (options.GatewayUrl is { } gateway && (!gateway.IsAbsoluteUri || gateway.Scheme is not ("wss" or "ws")))
            errors.Add($"{Setting(nameof(options.GatewayUrl))} must be an absolute ws(s) URL such as wss://gateway.discord.gg.");
        if (options.CommandGuildId is { Length: > 0 } guild && !ulong.TryParse(guild, out _))
            errors.Add($"{Setting(nameof(options.CommandGuildId))} must be a server id (a number; enable Developer Mode and use Copy Server ID).");
        if (options.DeferAfter <= TimeSpan.Zero || options.DeferAfter > TimeSpan.FromMilliseconds(2500))
            errors.Add($"{Setting(nameof(options.DeferAfter))} must be more than 0 and at most 00:00:02.5 so interactions are answered within Discord's 3 seconds.");
        if (options.ReconnectBaseDelay < TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectBaseDelay)
            errors.Add($"{Setting(nameof(options.ReconnectMaxDelay))} must be at least ReconnectBaseDelay, and neither negative.");
        if (options.InvalidSessionMinDelay < TimeSpan.Zero || options.InvalidSessionMaxDelay < options.InvalidSessionMinDelay)
            errors.Add($"{Setting(nameof(options.InvalidSessionMaxDelay))} must be at least InvalidSessionMinDelay, and neither negative.");
        if (options.GlobalRequestsPerSecond is < 1 or > 50)
            errors.Add($"{Setting(nameof(options.GlobalRequestsPerSecond))} must be between 1 and 50 (Discord's global limit).");
        if (options.DirectChannelCacheSize < 1)
            errors.Add($"{Setting(nameof(options.DirectChannelCacheSize))} must be 1 or more.");
        if (options.MaxRateLimitRetries is < 0 or > 20)
            errors.Add($"{Setting(nameof(options.MaxRateLimitRetries))} must be between 0 and 20.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static int? ShardCountOf(DiscordOptions options, List<string> errors)
    {
        try
        {
            return options.FixedShardCount;
        }
        catch (InvalidOperationException e)
        {
            errors.Add(e.Message);
            return null;
        }
    }
}
