using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Bot;

/// <summary>The outbound port on Discord: a daily question is an embed with one button per choice; a close edits it and drops the buttons.</summary>
internal sealed class DiscordPlatform(DiscordApi api, DirectMessages directMessages) : IChatPlatform
{
    /// <summary>The platform's name in channel addresses, settings and logs.</summary>
    public const string Id = DiscordAdapterId.Value;

    public string Name => Id;

    public Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken) =>
        api.CreateMessageAsync(channelId, MessageRenderer.Render(message), cancellationToken);

    public Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken) =>
        api.EditMessageAsync(channelId, messageId, MessageRenderer.Render(message), cancellationToken);

    public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken) =>
        directMessages.SendAsync(userId, message, cancellationToken);
}
