using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Slack.Bot.BlockKit;
using StudyBot.Adapters.Slack.Client.SocketMode;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Text;

namespace StudyBot.Adapters.Slack.Bot.Interactions;

/// <summary>
/// Forms on Slack: opens the core's form as a modal with the command's or click's trigger_id
/// (<c>views.open</c>), and answers a <c>view_submission</c> in its ack: <c>response_action: "errors"</c>
/// keeps the modal open with what was typed and an error under each field, Slack's own way.
/// </summary>
internal sealed class SlackForms(SlackWebApi api, IChatInbox inbox, SlackUserDirectory users, SlackResponder responder, ILogger<SlackForms> logger)
{
    /// <summary>Opens the form; false when Slack would not (no or expired trigger_id), and the caller shows the fallback.</summary>
    public async Task<bool> OpenAsync(ChatForm form, string? triggerId, string channelId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(triggerId)) return false;
        try
        {
            await api.CallAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = ModalRenderer.Render(form, channelId) }, cancellationToken);
            return true;
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Slack did not open the form {Form}: {Error}", form.Id, e.Message);
            return false;
        }
    }

    public async Task SubmitAsync(SocketEnvelope envelope, ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var context = users.CachedContext(submission.ChannelId, submission.UserId, submission.UserName);
        var answer = await inbox.HandleFormAsync(context, submission.CallbackId, submission.Values, cancellationToken);
        if (answer.Refused)
        {
            var errors = new JsonObject();
            foreach (var (field, error) in answer.FieldErrors) errors[field] = TextCut.ToLength(error, 2000);
            await envelope.TryAckAsync(new JsonObject { ["response_action"] = "errors", ["errors"] = errors }, cancellationToken);
            return;
        }
        // The modal closes with the ack; the answer goes to the member privately in the channel.
        await envelope.TryAckAsync(null, cancellationToken);
        responder.Send(null, submission.ChannelId, submission.UserId, answer.Reply, SlackResponder.Payload(answer.Reply));
    }

    /// <summary>Where no modal could open: what the form is for, and how to try again.</summary>
    public static ChatReply NotOpened(ChatReply reply, Language language) => reply with
    {
        Form = null,
        Message = reply.Message with
        {
            Body = reply.Message.Body + "\n\n" + Say.In(language, "Slack could not open the form; please try again.", "Slack이 양식을 열지 못했어요. 다시 시도해 주세요."),
        },
    };
}
