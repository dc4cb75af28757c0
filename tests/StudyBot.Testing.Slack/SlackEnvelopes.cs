using System.Text.Json;

namespace StudyBot.Testing.Slack;

/// <summary>Socket Mode messages as Slack sends them.</summary>
public static class SlackEnvelopes
{
    public static string Hello(int numConnections) => JsonSerializer.Serialize(new
    {
        type = "hello",
        num_connections = numConnections,
        debug_info = new { host = "applink-fake", build_number = 1, approximate_connection_time = 18060 },
        connection_info = new { app_id = "A0STUDY" },
    });

    public static string Disconnect(string reason) => JsonSerializer.Serialize(new
    {
        type = "disconnect",
        reason,
        debug_info = new { host = "applink-fake" },
    });

    public static string SlashCommand(string envelopeId, string text, string responseUrl, string userId = "U0ALICE", string channelId = "C0STUDY", int retryAttempt = 0) =>
        JsonSerializer.Serialize(new
        {
            envelope_id = envelopeId,
            type = "slash_commands",
            accepts_response_payload = true,
            retry_attempt = retryAttempt,
            retry_reason = retryAttempt > 0 ? "timeout" : "",
            payload = new
            {
                token = "legacy-verification-token",
                team_id = "T0TEAM",
                team_domain = "study",
                channel_id = channelId,
                channel_name = "aws-study",
                user_id = userId,
                user_name = "alice",
                command = "/study",
                text,
                api_app_id = "A0STUDY",
                is_enterprise_install = "false",
                response_url = responseUrl,
                trigger_id = "123.456.abc",
            },
        });

    public static string BlockAction(string envelopeId, string actionId, string responseUrl, string userId = "U0ALICE", string channelId = "C0STUDY",
        bool isEphemeral = false, int retryAttempt = 0, string userName = "alice", string messageTs = "1700000000.000100") =>
        JsonSerializer.Serialize(new
        {
            envelope_id = envelopeId,
            type = "interactive",
            accepts_response_payload = false,
            retry_attempt = retryAttempt,
            payload = new
            {
                type = "block_actions",
                user = new { id = userId, username = userName, name = userName, team_id = "T0TEAM" },
                api_app_id = "A0STUDY",
                team = new { id = "T0TEAM", domain = "study" },
                container = new { type = "message", message_ts = messageTs, channel_id = channelId, is_ephemeral = isEphemeral },
                channel = new { id = channelId, name = "aws-study" },
                trigger_id = "123.456.def",
                response_url = responseUrl,
                actions = new[]
                {
                    new { type = "button", action_id = actionId, block_id = "sb-choices-3-abcdef12", value = actionId, action_ts = "1700000001.000200", text = new { type = "plain_text", text = "A. gp3" } },
                },
            },
        });

    /// <summary>A submitted modal (view_submission), as Slack sends it: each value under state.values[block_id][action_id].</summary>
    public static string ViewSubmission(string envelopeId, string callbackId, string privateMetadata, IReadOnlyDictionary<string, string> values,
        string userId = "U0ALICE", string userName = "alice") =>
        JsonSerializer.Serialize(new
        {
            envelope_id = envelopeId,
            type = "interactive",
            accepts_response_payload = true,
            retry_attempt = 0,
            payload = new
            {
                type = "view_submission",
                team = new { id = "T0TEAM", domain = "study" },
                user = new { id = userId, username = userName, name = userName, team_id = "T0TEAM" },
                api_app_id = "A0STUDY",
                trigger_id = "123.456.ghi",
                view = new
                {
                    id = "V0001",
                    team_id = "T0TEAM",
                    type = "modal",
                    callback_id = callbackId,
                    private_metadata = privateMetadata,
                    state = new
                    {
                        values = values.ToDictionary(v => v.Key, v => new Dictionary<string, object>
                        {
                            [v.Key] = new { type = "plain_text_input", value = v.Value },
                        }),
                    },
                    hash = "1700000000.abc",
                },
                response_urls = Array.Empty<object>(),
            },
        });

    /// <summary>An envelope whose payload is missing the fields a handler needs.</summary>
    public static string Raw(string envelopeId, string type, object payload) =>
        JsonSerializer.Serialize(new { envelope_id = envelopeId, type, accepts_response_payload = false, payload });
}
