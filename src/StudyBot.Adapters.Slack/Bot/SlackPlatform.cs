using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using StudyBot.Adapters.Common;
using StudyBot.Adapters.Slack.Bot.BlockKit;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Bot;

/// <summary>
/// The outbound port on Slack: chat.postMessage and chat.update with Block Kit, paced per channel. A daily post's
/// thread is its own <c>ts</c> (replies carry <c>thread_ts</c>), so there is nothing to open; pins need <c>pins:write</c>.
/// User groups cannot be joined through a bot without admin scopes, so <see cref="IChatPlatform.SetGroupMemberAsync"/>
/// stays unsupported and the core says who can.
/// </summary>
internal sealed class SlackPlatform(SlackWebApi api, ChannelPacer pacer, DirectMessages directMessages, DailyPostHistory dailyPosts,
    [FromKeyedServices(SlackPlatform.Id)] AdapterStatus status) : IChatPlatform
{
    /// <summary>The platform's name in channel addresses, settings and logs.</summary>
    public const string Id = SlackAdapterId.Value;

    public string Name => Id;

    /// <returns>The message's <c>ts</c>, which chat.update needs later.</returns>
    public Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken) =>
        SendAsync(channelId, BlockKitRenderer.RenderPost(message, channelId), cancellationToken);

    /// <summary>Marked with its post in the message metadata; a resend first looks for that mark in the channel's history.</summary>
    public async Task<string> PostDailyAsync(string channelId, ChatMessage message, DailyPostSend send, CancellationToken cancellationToken)
    {
        status.ThrowIfFailed();
        if (send.IsResend && await dailyPosts.FindAsync(channelId, send, cancellationToken) is { } posted) return posted;
        var body = BlockKitRenderer.RenderPost(message, channelId);
        body["metadata"] = DailyPostHistory.Metadata(send.PostId);
        return await SendAsync(channelId, body, cancellationToken);
    }

    private async Task<string> SendAsync(string channelId, JsonObject body, CancellationToken cancellationToken)
    {
        status.ThrowIfFailed();
        await pacer.WaitTurnAsync(channelId, cancellationToken);
        var result = await api.CallAsync("chat.postMessage", body, cancellationToken);
        return result.TryGetProperty("ts", out var ts) && ts.GetString() is { Length: > 0 } id
            ? id
            : throw new SlackApiException("chat.postMessage", "missing_ts", $"Slack accepted a message in channel {channelId} but returned no ts, so it cannot be updated later.");
    }

    /// <summary>Replaces the message's text and blocks; buttons not in <paramref name="message"/> disappear.</summary>
    public async Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken)
    {
        status.ThrowIfFailed();
        var body = BlockKitRenderer.Render(message);
        body["channel"] = channelId;
        body["ts"] = messageId;
        await pacer.WaitTurnAsync(channelId, cancellationToken);
        await api.CallAsync("chat.update", body, cancellationToken);
    }

    /// <summary>Refusals that mean "grant something": a missing scope, or a workspace that forbids the action.</summary>
    private static readonly HashSet<string> PermissionErrors = new HashSet<string>(StringComparer.Ordinal) { "missing_scope", "not_allowed", "no_permission", "restricted_action" };

    private static readonly HashSet<string> PinErrors = new HashSet<string>(PermissionErrors, StringComparer.Ordinal) { "already_pinned", "no_pin" };

    public Task<ChatActionResult> OpenThreadAsync(string channelId, string messageId, string name, CancellationToken cancellationToken) =>
        Task.FromResult(ChatActionResult.Done);

    public async Task<ChatActionResult> PostInThreadAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken)
    {
        status.ThrowIfFailed();
        var body = BlockKitRenderer.RenderPost(message, channelId);
        body["thread_ts"] = messageId;
        await pacer.WaitTurnAsync(channelId, cancellationToken);
        try
        {
            await api.CallAsync("chat.postMessage", body, cancellationToken, PermissionErrors);
            return ChatActionResult.Done;
        }
        catch (SlackApiException e) when (PermissionErrors.Contains(e.Error))
        {
            return ChatActionResult.Missing("chat:write scope, and a workspace that lets the app reply in threads");
        }
    }

    public async Task<ChatActionResult> SetPinnedAsync(string channelId, string messageId, bool pinned, CancellationToken cancellationToken)
    {
        status.ThrowIfFailed();
        try
        {
            await api.CallAsync(pinned ? "pins.add" : "pins.remove", new JsonObject { ["channel"] = channelId, ["timestamp"] = messageId }, cancellationToken, PinErrors);
            return ChatActionResult.Done;
        }
        catch (SlackApiException e) when (e.Error is "already_pinned" or "no_pin")
        {
            // Pinned (or unpinned) already: what was asked for holds.
            return ChatActionResult.Done;
        }
        catch (SlackApiException e) when (PermissionErrors.Contains(e.Error))
        {
            return ChatActionResult.Missing("pins:write scope (add it to the app and reinstall)");
        }
    }

    /// <summary>A message in the member's DM with the app, paced like posts.</summary>
    public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken) =>
        directMessages.SendAsync(userId, message, cancellationToken);
}
