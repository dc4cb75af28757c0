using System.Net;
using StudyBot.Adapters.Common;
using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Bot;

/// <summary>
/// The outbound port on Discord: a daily question is an embed with one button per choice; a close edits it and drops
/// the buttons. Threads, pins and the study role are extras: a refusal for lack of permission (HTTP 403, codes
/// 50001/50013) comes back as what to grant, not as an exception.
/// </summary>
internal sealed class DiscordPlatform(DiscordApi api, DirectMessages directMessages) : IChatPlatform
{
    /// <summary>The platform's name in channel addresses, settings and logs.</summary>
    public const string Id = DiscordAdapterId.Value;

    public const int MissingAccess = 50001;
    public const int MissingPermissions = 50013;

    /// <summary>Discord's code for a second thread on one message: the thread is there, which is all that was wanted.</summary>
    public const int ThreadAlreadyCreated = 160004;

    // A channel never moves to another server, so its server is looked up once.
    private readonly BoundedCache<string, string> _guildOfChannel = new(10_000);

    public string Name => Id;

    public Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken) =>
        api.CreateMessageAsync(channelId, MessageRenderer.Render(message), cancellationToken);

    /// <summary>Every attempt carries the post's nonce, so a resend within Discord's nonce window gets the first message back.</summary>
    public Task<string> PostDailyAsync(string channelId, ChatMessage message, DailyPostSend send, CancellationToken cancellationToken) =>
        api.CreateMessageAsync(channelId, MessageRenderer.RenderDailyPost(message, send.PostId), cancellationToken);

    public Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken) =>
        api.EditMessageAsync(channelId, messageId, MessageRenderer.Render(message), cancellationToken);

    public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken) =>
        directMessages.SendAsync(userId, message, cancellationToken);

    public Task<ChatActionResult> OpenThreadAsync(string channelId, string messageId, string name, CancellationToken cancellationToken) =>
        Permitted("Create Public Threads", async () =>
        {
            try
            {
                await api.CreateThreadFromMessageAsync(channelId, messageId, name, cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code == ThreadAlreadyCreated)
            {
                // A retried post finds its thread already there.
            }
        });

    /// <summary>A thread started from a message has the message's id, so the thread is found without storing it.</summary>
    public Task<ChatActionResult> PostInThreadAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken) =>
        Permitted("Send Messages in Threads", () => api.CreateMessageAsync(messageId, MessageRenderer.Render(message), cancellationToken));

    public Task<ChatActionResult> SetPinnedAsync(string channelId, string messageId, bool pinned, CancellationToken cancellationToken) =>
        Permitted("Pin Messages", () => api.SetPinnedAsync(channelId, messageId, pinned, cancellationToken));

    /// <summary>Needs Manage Roles, and the bot's highest role above the study role (Discord's role hierarchy).</summary>
    public Task<ChatActionResult> SetGroupMemberAsync(string channelId, string groupId, string userId, bool member, CancellationToken cancellationToken) =>
        Permitted("Manage Roles (with the bot's role above the study role)", async () =>
        {
            if (!_guildOfChannel.TryGet(channelId, out var guildId))
            {
                guildId = await api.GetChannelGuildAsync(channelId, cancellationToken)
                    ?? throw new DiscordApiException($"Channel {channelId} belongs to no server, so it has no study role.");
                _guildOfChannel.Set(channelId, guildId);
            }
            await api.SetMemberRoleAsync(guildId, userId, groupId, member, cancellationToken);
        });

    private static async Task<ChatActionResult> Permitted(string permission, Func<Task> call)
    {
        try
        {
            await call();
            return ChatActionResult.Done;
        }
        catch (DiscordApiException e) when (e.Status == HttpStatusCode.Forbidden || e.Code is MissingAccess or MissingPermissions)
        {
            return ChatActionResult.Missing(permission);
        }
    }
}
