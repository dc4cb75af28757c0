using StudyBot.Core.Text;
using System.Text.Json.Nodes;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Bot.BlockKit;

/// <summary>
/// Renders a <see cref="ChatMessage"/> as Slack Block Kit: a header, mrkdwn sections for the body and
/// fields, one button per <see cref="ChatButton"/> (its id is the action_id and value, verbatim) and a
/// context footer. Every render uses fresh block_ids so an update never keeps an old block's state.
/// </summary>
internal static partial class BlockKitRenderer
{
    [System.Text.RegularExpressions.GeneratedRegex("^S[A-Z0-9]{6,20}$")]
    private static partial System.Text.RegularExpressions.Regex UserGroupId();

    // Slack's limits: https://api.slack.com/reference/block-kit/blocks
    private const int MaxBlocks = 50;
    private const int MaxHeader = 150;
    private const int MaxSectionText = 3000;
    private const int MaxFieldText = 2000;
    private const int MaxFieldsPerSection = 10;
    private const int MaxButtonsPerActions = 25;
    private const int MaxButtonText = 75;
    private const int MaxFallbackText = 3000;

    /// <summary>A chat.postMessage body for <paramref name="channelId"/>: link previews off, since a question or a card is not about the links in it.</summary>
    public static JsonObject RenderPost(ChatMessage message, string channelId)
    {
        var body = Render(message);
        body["channel"] = channelId;
        body["unfurl_links"] = false;
        body["unfurl_media"] = false;
        return body;
    }

    /// <summary>The message body for chat.postMessage, chat.update, chat.postEphemeral and response_url: <c>text</c> (the notification fallback) and <c>blocks</c>.</summary>
    public static JsonObject Render(ChatMessage message)
    {
        var nonce = Guid.NewGuid().ToString("N")[..8];
        var blocks = new List<JsonObject>();
        string Id(string kind) => $"sb-{kind}-{blocks.Count}-{nonce}";
        // The one mention a message may make: the study user group, written by the bot, never from user text.
        var mention = message.MentionGroupId is { } groupId && UserGroupId().IsMatch(groupId) ? $"<!subteam^{groupId}>" : null;
        if (mention is not null)
            blocks.Add(new JsonObject { ["type"] = "section", ["block_id"] = Id("mention"), ["text"] = Mrkdwn(mention) });

        if (message.Title.Length > 0)
            blocks.Add(new JsonObject
            {
                ["type"] = "header",
                ["block_id"] = Id("title"),
                ["text"] = PlainText(TextCut.ToLength(SlackMrkdwn.PlainText(message.Title), MaxHeader)),
            });

        foreach (var chunk in Chunks(SlackMrkdwn.FromMarkdown(message.Body), MaxSectionText))
            blocks.Add(new JsonObject { ["type"] = "section", ["block_id"] = Id("body"), ["text"] = Mrkdwn(chunk) });

        foreach (var group in message.Fields.Chunk(MaxFieldsPerSection))
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["block_id"] = Id("fields"),
                ["fields"] = new JsonArray(group.Select(f => (JsonNode)Mrkdwn(SlackMrkdwn.Cut(
                    $"*{SlackMrkdwn.Escape(f.Name)}*\n{SlackMrkdwn.FromMarkdown(f.Value)}", MaxFieldText))).ToArray()),
            });

        var footer = message.Footer is { Length: > 0 } text
            ? new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(SlackMrkdwn.Cut(SlackMrkdwn.FromMarkdown(text), MaxSectionText))) }
            : null;

        // Buttons and footer always fit: the body gives way if the message is very long.
        var reserved = message.Buttons.Chunk(MaxButtonsPerActions).Count() + (footer is null ? 0 : 1);
        if (blocks.Count > MaxBlocks - reserved) blocks.RemoveRange(MaxBlocks - reserved, blocks.Count - (MaxBlocks - reserved));

        foreach (var row in message.Buttons.Chunk(MaxButtonsPerActions))
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = Id("choices"),
                ["elements"] = new JsonArray(row.Select(b => (JsonNode)new JsonObject
                {
                    ["type"] = "button",
                    ["action_id"] = b.Id,
                    ["value"] = b.Id,
                    ["text"] = PlainText(TextCut.ToLength(SlackMrkdwn.PlainText(b.Label), MaxButtonText)),
                }).ToArray()),
            });

        if (footer is not null)
        {
            footer["block_id"] = Id("footer");
            blocks.Add(footer);
        }

        return new JsonObject
        {
            ["text"] = mention is null ? Fallback(message) : SlackMrkdwn.Cut(mention + " " + Fallback(message), MaxFallbackText),
            ["blocks"] = new JsonArray(blocks.Select(b => (JsonNode)b).ToArray()),
        };
    }

    /// <summary>The notification text. Never blank: Slack refuses a message whose text and blocks are both empty (<c>no_text</c>).</summary>
    private static string Fallback(ChatMessage message)
    {
        var text = SlackMrkdwn.Cut(SlackMrkdwn.FromMarkdown(message.ToPlainText()), MaxFallbackText);
        return text.Trim().Length > 0 ? text : "StudyBot";
    }

    private static JsonObject PlainText(string text) =>
        new() { ["type"] = "plain_text", ["text"] = text.Length == 0 ? " " : text, ["emoji"] = true };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    /// <summary>Splits text at line breaks into pieces of at most <paramref name="limit"/> characters (a longer line is cut).</summary>
    private static IEnumerable<string> Chunks(string text, int limit)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var piece = SlackMrkdwn.Cut(line, limit);
            if (current.Length > 0 && current.Length + 1 + piece.Length > limit)
            {
                yield return current.ToString();
                current.Clear();
            }
            if (current.Length > 0) current.Append('\n');
            current.Append(piece);
        }
        if (current.ToString().Trim().Length > 0) yield return current.ToString();
    }
}
