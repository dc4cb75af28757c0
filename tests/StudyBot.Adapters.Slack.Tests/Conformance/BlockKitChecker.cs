using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StudyBot.Adapters.Slack.Tests.Conformance;

/// <summary>
/// Checks a message body (chat.postMessage, chat.update, chat.postEphemeral, response_url or a slash-command
/// ack payload) against Slack's documented Block Kit limits, so a test fails where Slack would answer
/// <c>invalid_blocks</c> or drop the message. Limits, from docs.slack.dev/reference/block-kit:
/// blocks (≤ 50 per message, block_id ≤ 255 and unique), section-block (text ≤ 3000, fields ≤ 10 each ≤ 2000,
/// text or fields required), header-block (plain_text ≤ 150), actions-block (elements ≤ 25),
/// context-block (elements ≤ 10), button-element (plain_text ≤ 75, action_id ≤ 255, value ≤ 2000),
/// composition-objects/text-object (type plain_text or mrkdwn, text required and non-empty);
/// messaging/formatting-message-text (top-level text is the notification fallback; &amp;, &lt;, &gt; escaped).
/// </summary>
public static partial class BlockKitChecker
{
    public const int MaxBlocks = 50;
    public const int MaxBlockId = 255;
    public const int MaxSectionText = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxHeaderText = 150;
    public const int MaxActionsElements = 25;
    public const int MaxContextElements = 10;
    public const int MaxButtonText = 75;
    public const int MaxActionId = 255;
    public const int MaxButtonValue = 2000;

    private static readonly HashSet<string> KnownBlocks = ["section", "header", "actions", "context", "divider", "image", "rich_text", "input", "file", "video", "markdown"];

    /// <summary>Every rule the message breaks; empty when Slack would accept it.</summary>
    public static IReadOnlyList<string> Problems(JsonNode? message)
    {
        var problems = new List<string>();
        if (message is not JsonObject body)
        {
            problems.Add("the message is not a JSON object");
            return problems;
        }
        if (body["text"] is not JsonValue text || text.GetValueKind() != System.Text.Json.JsonValueKind.String || text.GetValue<string>().Trim().Length == 0)
            problems.Add("top-level text (the notification fallback) is missing or empty");
        else
            CheckEscaped("top-level text", text.GetValue<string>(), problems);

        if (body["blocks"] is null) return problems;
        if (body["blocks"] is not JsonArray blocks)
        {
            problems.Add("blocks is not an array");
            return problems;
        }
        if (blocks.Count > MaxBlocks) problems.Add($"{blocks.Count} blocks (at most {MaxBlocks})");

        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var where = $"blocks[{i}]";
            if (blocks[i] is not JsonObject block)
            {
                problems.Add($"{where} is not an object");
                continue;
            }
            var type = Str(block, "type");
            if (type is null || !KnownBlocks.Contains(type))
            {
                problems.Add($"{where} has no known type ({type ?? "none"})");
                continue;
            }
            where += $" ({type})";
            if (block["block_id"] is not null)
            {
                var id = Str(block, "block_id");
                if (string.IsNullOrEmpty(id)) problems.Add($"{where} block_id is not a non-empty string");
                else
                {
                    if (id.Length > MaxBlockId) problems.Add($"{where} block_id is {id.Length} characters (at most {MaxBlockId})");
                    if (!blockIds.Add(id)) problems.Add($"{where} block_id {id} is used twice");
                }
            }
            switch (type)
            {
                case "section": CheckSection(where, block, problems); break;
                case "header": CheckText($"{where}.text", block["text"], MaxHeaderText, plainOnly: true, problems); break;
                case "actions": CheckActions(where, block, actionIds, problems); break;
                case "context": CheckContext(where, block, problems); break;
            }
        }
        return problems;
    }

    /// <summary>Fails with every problem found, naming <paramref name="what"/>.</summary>
    public static void AssertValid(JsonNode? message, string what)
    {
        var problems = Problems(message);
        Assert.True(problems.Count == 0, $"Slack would reject {what}:\n  " + string.Join("\n  ", problems));
    }

    private static void CheckSection(string where, JsonObject block, List<string> problems)
    {
        var hasText = block["text"] is not null;
        var hasFields = block["fields"] is not null;
        if (!hasText && !hasFields) problems.Add($"{where} has neither text nor fields");
        if (hasText) CheckText($"{where}.text", block["text"], MaxSectionText, plainOnly: false, problems);
        if (!hasFields) return;
        if (block["fields"] is not JsonArray fields || fields.Count == 0)
        {
            problems.Add($"{where}.fields is not a non-empty array");
            return;
        }
        if (fields.Count > MaxFields) problems.Add($"{where} has {fields.Count} fields (at most {MaxFields})");
        for (var f = 0; f < fields.Count; f++) CheckText($"{where}.fields[{f}]", fields[f], MaxFieldText, plainOnly: false, problems);
    }

    private static void CheckActions(string where, JsonObject block, HashSet<string> actionIds, List<string> problems)
    {
        if (block["elements"] is not JsonArray elements || elements.Count == 0)
        {
            problems.Add($"{where}.elements is not a non-empty array");
            return;
        }
        if (elements.Count > MaxActionsElements) problems.Add($"{where} has {elements.Count} elements (at most {MaxActionsElements})");
        for (var e = 0; e < elements.Count; e++)
        {
            var at = $"{where}.elements[{e}]";
            if (elements[e] is not JsonObject element || Str(element, "type") != "button")
            {
                problems.Add($"{at} is not a button (the only element StudyBot renders)");
                continue;
            }
            CheckText($"{at}.text", element["text"], MaxButtonText, plainOnly: true, problems);
            if (Str(element, "action_id") is { } actionId)
            {
                if (actionId.Length is 0 or > MaxActionId) problems.Add($"{at} action_id is {actionId.Length} characters (1 to {MaxActionId})");
                if (!actionIds.Add(actionId)) problems.Add($"{at} action_id {actionId} is used twice in the message");
            }
            if (Str(element, "value") is { Length: > MaxButtonValue } value) problems.Add($"{at} value is {value.Length} characters (at most {MaxButtonValue})");
        }
    }

    private static void CheckContext(string where, JsonObject block, List<string> problems)
    {
        if (block["elements"] is not JsonArray elements || elements.Count == 0)
        {
            problems.Add($"{where}.elements is not a non-empty array");
            return;
        }
        if (elements.Count > MaxContextElements) problems.Add($"{where} has {elements.Count} elements (at most {MaxContextElements})");
        for (var e = 0; e < elements.Count; e++) CheckText($"{where}.elements[{e}]", elements[e], MaxSectionText, plainOnly: false, problems);
    }

    private static void CheckText(string where, JsonNode? node, int max, bool plainOnly, List<string> problems)
    {
        if (node is not JsonObject textObject)
        {
            problems.Add($"{where} is not a text object");
            return;
        }
        var type = Str(textObject, "type");
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
            problems.Add($"{where} has type {type ?? "none"} ({(plainOnly ? "plain_text" : "plain_text or mrkdwn")} required)");
        var text = Str(textObject, "text");
        if (string.IsNullOrEmpty(text))
        {
            problems.Add($"{where} has no text");
            return;
        }
        if (text.Length > max) problems.Add($"{where} is {text.Length} characters (at most {max})");
        if (type == "mrkdwn") CheckEscaped(where, text, problems);
    }

    /// <summary>
    /// mrkdwn turns a bare &lt; or &gt; into links and mentions, and &amp; must start an entity. The one control sequence
    /// the bot writes on purpose is the study user group's mention, <c>&lt;!subteam^ID&gt;</c> (messaging/formatting-message-text).
    /// </summary>
    private static void CheckEscaped(string where, string text, List<string> problems)
    {
        text = UserGroupMention().Replace(text, "");
        if (text.Contains('<') || text.Contains('>')) problems.Add($"{where} has an unescaped < or > (write &lt; and &gt;)");
        if (BareAmpersand().IsMatch(text)) problems.Add($"{where} has an unescaped & (write &amp;)");
    }

    private static string? Str(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex(@"<!subteam\^S[A-Z0-9]{6,20}>")]
    private static partial Regex UserGroupMention();

    [GeneratedRegex("&(?!(amp|lt|gt);)")]
    private static partial Regex BareAmpersand();
}
