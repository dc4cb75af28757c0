using System.Text.Json.Nodes;
using StudyBot.Core.Chat;
using StudyBot.Core.Text;

namespace StudyBot.Adapters.Slack.Bot.BlockKit;

/// <summary>
/// Renders a core <see cref="ChatForm"/> as a Slack modal view for <c>views.open</c>: the intro as a
/// section, one input block per field (block_id and action_id are the field's id, so a submission and
/// <c>response_action: "errors"</c> name fields the core knows), pre-filled with <c>initial_value</c>.
/// </summary>
internal static class ModalRenderer
{
    // Slack's limits: https://api.slack.com/reference/surfaces/views and .../block-elements#input
    private const int MaxTitle = 24;
    private const int MaxLabel = 2000;
    private const int MaxPlaceholder = 150;
    private const int MaxInput = 3000;
    private const int MaxMetadata = 3000;

    /// <param name="channelId">The channel the form was opened in; it comes back in <c>private_metadata</c>.</param>
    public static JsonObject Render(ChatForm form, string channelId)
    {
        var blocks = new JsonArray { new JsonObject
        {
            ["type"] = "section",
            ["block_id"] = "sb-intro",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.Cut(SlackMrkdwn.FromMarkdown(form.Intro), MaxInput) },
        } };
        foreach (var field in form.Fields)
        {
            var element = new JsonObject
            {
                ["type"] = "plain_text_input",
                ["action_id"] = field.Id,
                ["multiline"] = field.Multiline,
                ["max_length"] = Math.Min(field.MaxLength, MaxInput),
            };
            if (field.Value is { Length: > 0 } value) element["initial_value"] = TextCut.ToLength(value, Math.Min(field.MaxLength, MaxInput));
            if (field.Placeholder is { Length: > 0 } hint) element["placeholder"] = Plain(hint, MaxPlaceholder);
            blocks.Add(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = field.Id,
                ["label"] = Plain(field.Label, MaxLabel),
                ["optional"] = !field.Required,
                ["element"] = element,
            });
        }
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = form.Id,
            ["private_metadata"] = TextCut.ToLength(channelId, MaxMetadata),
            ["title"] = Plain(form.Title, MaxTitle),
            ["submit"] = Plain(form.SubmitLabel, MaxTitle),
            ["close"] = Plain("Cancel", MaxTitle),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject Plain(string text, int limit) => new() { ["type"] = "plain_text", ["text"] = TextCut.ToLength(text, limit) };
}
