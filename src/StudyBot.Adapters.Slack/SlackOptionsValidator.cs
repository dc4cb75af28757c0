using StudyBot.Adapters.Common;
using Microsoft.Extensions.Options;
using StudyBot.Core.Content;

namespace StudyBot.Adapters.Slack;

/// <summary>Checks the settings at start so a wrong one fails with a message that names it (never its value).</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var errors = new List<string>();
        CheckToken(errors, options.AppToken, "AppToken", "xapp-",
            "create an app-level token with the connections:write scope under Basic Information > App-Level Tokens");
        CheckToken(errors, options.BotToken, "BotToken", "xoxb-",
            "install the app to the workspace and copy the Bot User OAuth Token from OAuth & Permissions");
        if (!Languages.TryParse(options.DefaultLanguage, out _))
            errors.Add($"{Setting("DefaultLanguage")} must be \"en\" or \"ko\".");
        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
            errors.Add($"{Setting("ApiBaseUrl")} must be an absolute http(s) URL such as https://slack.com/api/.");
        if (options.AckDeadline <= TimeSpan.Zero || options.AckDeadline > TimeSpan.FromSeconds(2.9))
            errors.Add($"{Setting("AckDeadline")} must be above 0 and at most 00:00:02.9: Slack gives up on an envelope after 3 seconds.");
        Positive(errors, options.HelloTimeout, "HelloTimeout");
        Positive(errors, options.PingInterval, "PingInterval");
        Positive(errors, options.PingTimeout, "PingTimeout");
        Positive(errors, options.ReconnectDelay, "ReconnectDelay");
        Positive(errors, options.ChannelMessageInterval, "ChannelMessageInterval");
        Positive(errors, options.UserCacheDuration, "UserCacheDuration");
        if (options.MaxReconnectDelay < options.ReconnectDelay)
            errors.Add($"{Setting("MaxReconnectDelay")} must not be below {Setting("ReconnectDelay")}.");
        if (options.ChannelMessageBurst is < 1 or > 50)
            errors.Add($"{Setting("ChannelMessageBurst")} must be between 1 and 50.");
        if (options.WorkspaceMessagesPerSecond is < 1 or > 100)
            errors.Add($"{Setting("WorkspaceMessagesPerSecond")} must be between 1 and 100 (chat.postMessage requests a second across the workspace).");
        if (options.MaxRateLimitRetries is < 0 or > 20)
            errors.Add($"{Setting("MaxRateLimitRetries")} must be between 0 and 20.");
        if (options.DirectChannelCacheSize < 1)
            errors.Add($"{Setting("DirectChannelCacheSize")} must be 1 or more.");
        if (options.MaxConcurrentEnvelopes is < 1 or > 256)
            errors.Add($"{Setting("MaxConcurrentEnvelopes")} must be between 1 and 256.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Setting(string key) => SettingName.Of(SlackOptions.Section, key);

    private static void CheckToken(List<string> errors, string? token, string key, string prefix, string howTo)
    {
        if (string.IsNullOrWhiteSpace(token))
            errors.Add($"{Setting(key)} is missing: {howTo} (it starts with {prefix}).");
        else if (!token.StartsWith(prefix, StringComparison.Ordinal))
            errors.Add($"{Setting(key)} does not start with {prefix}: {howTo}.");
    }

    private static void Positive(List<string> errors, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero) errors.Add($"{Setting(key)} must be a positive time span such as 00:00:10.");
    }
}
