using StudyBot.Adapters.Common;

namespace StudyBot.Adapters.Slack.Client.WebApi;

/// <summary>Turns Slack's error codes into a sentence that says what is wrong and how to fix it.</summary>
internal static class SlackErrorAdvice
{
    private static readonly HashSet<string> AuthErrors = new(StringComparer.Ordinal)
    {
        "not_authed", "invalid_auth", "account_inactive", "token_revoked", "token_expired", "team_disabled",
        "not_allowed_token_type", "invalid_token", "app_uninstalled",
    };

    /// <summary>Errors after which a token can never work: the adapter stops instead of retrying.</summary>
    public static bool IsFatal(string error, SlackToken token) =>
        AuthErrors.Contains(error) || (token == SlackToken.App && error == "missing_scope");

    public static string Explain(string method, string error, SlackToken token, string? channel, string? neededScope)
    {
        var where = channel is null ? "" : $" in channel {channel}";
        if (AuthErrors.Contains(error))
        {
            var setting = SettingName.Of(SlackOptions.Section, token == SlackToken.App ? "AppToken" : "BotToken");
            var fix = token == SlackToken.App
                ? "create an app-level token (xapp-...) with the connections:write scope under Basic Information > App-Level Tokens"
                : "reinstall the app and copy the Bot User OAuth Token (xoxb-...) from OAuth & Permissions";
            return $"Slack rejected {setting} ({error}) on {method}: {fix}, then restart StudyBot.";
        }
        return error switch
        {
            "missing_scope" when token == SlackToken.App =>
                $"The app-level token in {SettingName.Of(SlackOptions.Section, "AppToken")} lacks the connections:write scope ({method}): create one with that scope under Basic Information > App-Level Tokens.",
            "missing_scope" =>
                $"Slack refused {method}: the bot token lacks the {neededScope ?? "needed"} scope. Add it under OAuth & Permissions (or recreate the app from deploy/slack-app-manifest.yaml) and reinstall the app.",
            "not_in_channel" =>
                $"Slack refused {method}{where}: the bot is not a member of that channel. Invite it there with /invite @StudyBot.",
            "channel_not_found" =>
                $"Slack refused {method}{where}: the channel does not exist or the bot cannot see it. For a private channel, invite the bot with /invite @StudyBot; otherwise check the channel id.",
            "is_archived" =>
                $"Slack refused {method}{where}: the channel is archived. Unarchive it, or run /study stop for it.",
            "message_not_found" or "cant_update_message" =>
                $"Slack refused {method}{where} ({error}): the message was deleted or was not posted by this bot, so it cannot be changed.",
            "msg_too_long" or "invalid_blocks" or "invalid_blocks_format" or "too_many_attachments" or "invalid_arguments" =>
                $"Slack refused {method}{where} ({error}): the message layout was invalid. This is a StudyBot bug; please report it with this log line.",
            "restricted_action" or "ekm_access_denied" =>
                $"Slack refused {method}{where} ({error}): a workspace setting forbids the bot to post there. Ask a workspace admin to allow it.",
            "ratelimited" =>
                $"Slack kept rate-limiting {method}{where}; giving up on this call. Fewer channels or a later post time spreads the load.",
            _ when error.StartsWith("http_", StringComparison.Ordinal) =>
                $"Slack answered {method}{where} with HTTP {error[5..]}; it may be having trouble (see status.slack.com).",
            _ => $"Slack refused {method}{where}: {error}.",
        };
    }
}

/// <summary>Which of the two tokens a call used, so an error can name the right setting.</summary>
internal enum SlackToken
{
    Bot,
    App,
}
