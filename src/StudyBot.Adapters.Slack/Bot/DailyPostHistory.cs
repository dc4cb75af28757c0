using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Bot;

/// <summary>
/// Slack has no idempotency key on chat.postMessage, so a daily post carries message metadata naming its post, and a
/// resend first looks for that message in the channel's history since the post was reserved. Reading history needs
/// <c>channels:history</c> (<c>groups:history</c> in private channels); without it the resend posts, and may double.
/// </summary>
internal sealed partial class DailyPostHistory(SlackWebApi api, ILogger<DailyPostHistory> logger)
{
    public const string EventType = "studybot_daily_post";
    private const string PostIdField = "post_id";
    private const int PageSize = 200;

    /// <summary>A day of busy channel is a few pages; past that the resend gives up looking rather than page for ever.</summary>
    private const int MaxPages = 5;

    /// <summary>The reservation time is this node's clock and <c>ts</c> is Slack's: look a little earlier than the reservation.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly HashSet<string> Unreadable = new(StringComparer.Ordinal) { "missing_scope", "not_in_channel", "channel_not_found" };

    private int _scopeMissingLogged;

    /// <summary>The <c>metadata</c> of a daily post's chat.postMessage.</summary>
    public static JsonObject Metadata(long postId) => new()
    {
        ["event_type"] = EventType,
        ["event_payload"] = new JsonObject { [PostIdField] = PostId(postId) },
    };

    /// <summary>The <c>ts</c> of the message an earlier attempt posted for <paramref name="send"/>, or null when there is none (or it cannot be read).</summary>
    public async Task<string?> FindAsync(string channelId, DailyPostSend send, CancellationToken cancellationToken)
    {
        var wanted = PostId(send.PostId);
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["channel"] = channelId,
            ["oldest"] = (send.ReservedAt - ClockSkew).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ".000000",
            ["include_all_metadata"] = "true",
            ["limit"] = PageSize.ToString(CultureInfo.InvariantCulture),
        };
        for (var page = 0; page < MaxPages; page++)
        {
            JsonElement history;
            try
            {
                history = await api.CallFormAsync("conversations.history", SlackToken.Bot, form, cancellationToken, handledErrors: Unreadable);
            }
            catch (SlackApiException e) when (e.Error == "missing_scope")
            {
                if (Interlocked.Exchange(ref _scopeMissingLogged, 1) == 0) ScopeMissing(channelId);
                return null;
            }
            catch (SlackApiException e)
            {
                HistoryUnread(channelId, e.Error);
                return null;
            }
            if (history.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
                foreach (var message in messages.EnumerateArray())
                    if (IsPost(message, wanted) && message.TryGetProperty("ts", out var ts) && ts.GetString() is { Length: > 0 } found)
                        return found;
            if (!history.TryGetProperty("response_metadata", out var meta) || !meta.TryGetProperty("next_cursor", out var next)
                || next.GetString() is not { Length: > 0 } cursor) return null;
            form["cursor"] = cursor;
        }
        return null;
    }

    private static bool IsPost(JsonElement message, string postId) =>
        message.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("event_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == EventType
        && metadata.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty(PostIdField, out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == postId;

    private static string PostId(long postId) => postId.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot token lacks the channels:history scope (groups:history for private channels), so a daily post "
        + "cut off by a crash is re-sent in channel {Channel} without checking whether it already went out: it may appear twice. "
        + "Add the scopes (or update the app from deploy/slack-app-manifest.yaml) and reinstall. Logged once.")]
    private partial void ScopeMissing(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the history of channel {Channel} ({Error}) to find a daily post cut off by a crash: it is re-sent and may appear twice.")]
    private partial void HistoryUnread(string channel, string error);
}
