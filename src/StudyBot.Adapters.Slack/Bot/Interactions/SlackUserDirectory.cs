using StudyBot.Adapters.Common;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;

namespace StudyBot.Adapters.Slack.Bot.Interactions;

/// <summary>
/// Who acts: their display name, language and whether they are a StudyBot admin (a configured admin
/// user id, or a workspace admin/owner per users.info). Profiles are cached; if users.info fails
/// (e.g. the users:read scope is missing, which the Web API logs with the fix) the user is treated
/// as a non-admin in the default language.
/// </summary>
internal sealed class SlackUserDirectory(SlackWebApi api, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackUserDirectory> logger)
{
    private static readonly TimeSpan FailureRetry = TimeSpan.FromMinutes(1);

    private readonly SlackOptions _options = options.Value;
    private readonly HashSet<string> _admins = options.Value.AdminUserIdSet();
    private readonly Language _defaultLanguage = Languages.TryParse(options.Value.DefaultLanguage, out var language) ? language : Language.En;
    private readonly ConcurrentDictionary<string, (Profile Profile, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    private sealed record Profile(string? DisplayName, bool IsWorkspaceAdmin, Language Language);

    /// <summary>The context for a slash command: looks the user up (once per <see cref="SlackOptions.UserCacheDuration"/>).</summary>
    public async Task<CommandContext> ContextAsync(string channelId, string userId, string? nameFromPayload, CancellationToken cancellationToken) =>
        Context(channelId, userId, nameFromPayload, await ProfileAsync(userId, cancellationToken));

    /// <summary>
    /// The context for a click, from the cache only: a burst of answers from people never seen would
    /// otherwise mean a burst of users.info calls, which Slack rate-limits to about 100 a minute.
    /// </summary>
    public CommandContext CachedContext(string channelId, string userId, string? nameFromPayload) =>
        Context(channelId, userId, nameFromPayload,
            _cache.TryGetValue(userId, out var cached) && cached.Expires > clock.GetUtcNow() ? cached.Profile : new Profile(null, false, _defaultLanguage));

    private CommandContext Context(string channelId, string userId, string? nameFromPayload, Profile profile)
    {
        // A DM with the bot (ids begin with D) is no study channel, so nobody manages it there.
        var isAdmin = !channelId.StartsWith('D') && (_admins.Contains(userId) || (_options.WorkspaceAdminsAreAdmins && profile.IsWorkspaceAdmin));
        var name = profile.DisplayName ?? nameFromPayload ?? userId;
        // Every StudyBot command is a sub-command of /study on Slack, so replies must say "/study quiz".
        return new CommandContext(new ChannelAddress(SlackPlatform.Id, channelId), new ChatUser(SlackPlatform.Id, userId, name), isAdmin, profile.Language,
            CommandPrefix: "/study ");
    }

    private async Task<Profile> ProfileAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(userId, out var cached) && cached.Expires > now) return cached.Profile;
        Profile profile;
        TimeSpan keep;
        try
        {
            // No waiting out a 429 here: the command must be answered within seconds.
            var result = await api.CallFormAsync("users.info", SlackToken.Bot,
                new Dictionary<string, string> { ["user"] = userId, ["include_locale"] = "true" }, cancellationToken, retryRateLimits: false);
            var user = result.Child("user") ?? default;
            var details = user.Child("profile") ?? default;
            var name = new[] { details.Text("display_name"), details.Text("real_name"), user.Text("real_name"), user.Text("name") }
                .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
            var isAdmin = user.IsTrue("is_admin") || user.IsTrue("is_owner") || user.IsTrue("is_primary_owner");
            var locale = user.Text("locale");
            profile = new Profile(name, isAdmin, locale is null ? _defaultLanguage : Languages.FromLocale(locale));
            keep = _options.UserCacheDuration;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A SlackApiException was logged with its fix already.
            if (e is not SlackApiException)
                logger.UserLookupFailed(e, userId, e.Message);
            profile = new Profile(null, false, _defaultLanguage);
            keep = FailureRetry < _options.UserCacheDuration ? FailureRetry : _options.UserCacheDuration;
        }
        _cache[userId] = (profile, now + keep);
        return profile;
    }
}
