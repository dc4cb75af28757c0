using StudyBot.Core.Text;
using System.Text.Json.Nodes;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Bot.Rendering;

/// <summary>
/// Renders a core <see cref="ChatMessage"/> as a Discord message body: one embed, answer buttons in
/// action rows of five, and <c>allowed_mentions</c> that can never ping anyone. Text beyond Discord's
/// limits is cut with an ellipsis rather than rejected with a 400.
/// </summary>
internal static class MessageRenderer
{
    private const int TitleLimit = 256;
    private const int DescriptionLimit = 4096;
    private const int FieldLimit = 25;
    private const int FieldNameLimit = 256;
    private const int FieldValueLimit = 1024;
    private const int FooterLimit = 2048;
    private const int EmbedTotalLimit = 6000;
    private const int ButtonsPerRow = 5;
    private const int RowLimit = 5;
    private const int LabelLimit = 80;
    private const int CustomIdLimit = 100;

    /// <summary>The body for a new message, an edit, or an interaction response's <c>data</c>.</summary>
    public static JsonObject Render(ChatMessage message, bool ephemeral = false)
    {
        var body = new JsonObject
        {
            ["embeds"] = new JsonArray(Embed(message)),
            // Always present: an empty list removes buttons on an edit.
            ["components"] = Components(message.Buttons),
            ["allowed_mentions"] = AllowedMentions(null),
        };
        // Only a study role is ever mentioned, in the content (mentions in embeds never ping), and allowed by id alone.
        if (message.MentionGroupId is { } role && IsSnowflake(role))
        {
            body["content"] = $"<@&{role}>";
            body["allowed_mentions"] = AllowedMentions(role);
        }
        if (ephemeral) body["flags"] = MessageFlags.Ephemeral;
        return body;
    }

    /// <summary>
    /// A daily post's body with a nonce Discord enforces: a second create with the same nonce by the bot in the channel
    /// within Discord's window (a few minutes) returns the first message instead of making another. "post-" and a
    /// 64-bit id fit the spec's 25 characters.
    /// </summary>
    public static JsonObject RenderDailyPost(ChatMessage message, long postId)
    {
        var body = Render(message);
        body["nonce"] = DailyPostNonce(postId);
        body["enforce_nonce"] = true;
        return body;
    }

    public static string DailyPostNonce(long postId) => FormattableString.Invariant($"post-{postId}");

    /// <summary>Nothing parsed from the text (no @everyone, @here, users or roles), only <paramref name="role"/> if given.</summary>
    private static JsonObject AllowedMentions(string? role)
    {
        var allowed = new JsonObject { ["parse"] = new JsonArray() };
        if (role is not null) allowed["roles"] = new JsonArray(role);
        return allowed;
    }

    private static bool IsSnowflake(string id) => id.Length is >= 17 and <= 20 && id.All(char.IsAsciiDigit);

    public static JsonObject Embed(ChatMessage message)
    {
        var title = TextCut.ToLength(message.Title, TitleLimit);
        var footer = message.Footer is { Length: > 0 } text ? TextCut.ToLength(text, FooterLimit) : null;
        var left = EmbedTotalLimit - title.Length - (footer?.Length ?? 0);
        var description = TextCut.ToLength(message.Body, Math.Min(DescriptionLimit, left));
        left -= description.Length;
        // Fields that would push the embed past 6000 characters are left out; the body matters more.
        var fields = new List<(string Name, string Value)>();
        foreach (var field in message.Fields.Take(FieldLimit))
        {
            var name = TextCut.ToLength(NonEmpty(field.Name), FieldNameLimit);
            var value = TextCut.ToLength(NonEmpty(field.Value), FieldValueLimit);
            if (name.Length + value.Length > left) break;
            left -= name.Length + value.Length;
            fields.Add((name, value));
        }

        var embed = new JsonObject();
        if (title.Length > 0) embed["title"] = title;
        // Discord rejects an embed with nothing in it.
        if (description.Length > 0 || (title.Length == 0 && fields.Count == 0 && footer is null))
            embed["description"] = NonEmpty(description);
        if (fields.Count > 0)
        {
            embed["fields"] = new JsonArray(fields
                .Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["value"] = f.Value, ["inline"] = false })
                .ToArray());
        }
        if (footer is not null) embed["footer"] = new JsonObject { ["text"] = footer };
        return embed;
    }

    public static JsonArray Components(IReadOnlyList<ChatButton> buttons)
    {
        var usable = buttons.Where(b => b.Id.Length is > 0 and <= CustomIdLimit)
            .DistinctBy(b => b.Id, StringComparer.Ordinal)
            .Take(ButtonsPerRow * RowLimit)
            .ToList();
        var rows = new JsonArray();
        foreach (var chunk in usable.Chunk(ButtonsPerRow))
        {
            rows.Add(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(chunk.Select(b => (JsonNode)new JsonObject
                {
                    ["type"] = 2,
                    ["style"] = 1,
                    ["label"] = TextCut.ToLength(NonEmpty(b.Label), LabelLimit),
                    ["custom_id"] = b.Id,
                }).ToArray()),
            });
        }
        return rows;
    }

    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? "\u200b" : text;
}
