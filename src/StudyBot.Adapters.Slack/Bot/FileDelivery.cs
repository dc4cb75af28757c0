using System.Text.Json.Nodes;
using StudyBot.Adapters.Common;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;
using StudyBot.Core.Text;

namespace StudyBot.Adapters.Slack.Bot;

/// <summary>
/// A reply's file goes to the member's DM with Slack's external upload: files.getUploadURLExternal (filename,
/// length), the bytes POSTed to the upload_url, then files.completeUploadExternal sharing it in the DM with the
/// reply's text as initial_comment. The private reply then says where the file went, or why it did not.
/// </summary>
internal sealed class FileDelivery(SlackWebApi api, DirectChannels channels)
{
    public async Task<ChatReply> SendAsync(CommandContext context, ChatReply reply, CancellationToken cancellationToken)
    {
        if (reply.File is not { } file) return reply;
        var language = context.Language;
        try
        {
            var channelId = await channels.OpenAsync(context.User.UserId, cancellationToken);
            var upload = await api.CallFormAsync("files.getUploadURLExternal", SlackToken.Bot, new Dictionary<string, string>
            {
                ["filename"] = file.FileName,
                ["length"] = file.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, cancellationToken);
            if (upload.Text("upload_url") is not { Length: > 0 } uploadUrl || upload.Text("file_id") is not { Length: > 0 } fileId)
                throw new SlackApiException("files.getUploadURLExternal", "missing_upload_url", "Slack returned no upload_url or file_id.");
            await api.UploadFileAsync(uploadUrl, file.FileName, file.Content, cancellationToken);
            await api.CallAsync("files.completeUploadExternal", new JsonObject
            {
                ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = file.FileName }),
                ["channel_id"] = channelId,
                ["initial_comment"] = TextCut.ToLength(reply.Message.ToPlainText(), 4000),
            }, cancellationToken);
            return new ChatReply(ChatMessage.Text(reply.Message.Title,
                Say.In(language, $"I sent {file.FileName} to our direct messages.", $"{file.FileName} 파일을 DM으로 보냈어요.")), Ephemeral: true);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // Logged with its fix by the Web API; the member hears it too.
            return new ChatReply(ChatMessage.Text(Say.In(language, "File not sent", "파일을 보내지 못했어요"),
                Say.In(language, $"Slack did not take the file {file.FileName}, so it was not sent. Nothing was changed; please try again later.",
                    $"Slack이 {file.FileName} 파일을 받지 않아 보내지 못했어요. 바뀐 것은 없어요. 잠시 후 다시 시도해 주세요.")), Ephemeral: true);
        }
    }
}
