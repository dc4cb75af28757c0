using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// The <c>multipart/form-data</c> body Discord takes for a message with a file ("Uploading Files" in the API
/// reference): a <c>payload_json</c> part with the JSON body, then <c>files[0]</c> with a filename.
/// </summary>
internal static class MultipartBody
{
    public static MultipartFormDataContent Create(JsonNode? payload, DiscordFile file)
    {
        var form = new MultipartFormDataContent();
        var json = new StringContent((payload ?? new JsonObject()).ToJsonString(), Encoding.UTF8, "application/json");
        json.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quoted("payload_json") };
        form.Add(json);

        var bytes = new ByteArrayContent(file.Content);
        bytes.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.MediaType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        // Quoted by hand: "files[0]" holds brackets, which a bare header token may not.
        bytes.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quoted("files[0]"), FileName = Quoted(AsciiName(file.FileName)) };
        form.Add(bytes);
        return form;
    }

    /// <summary>The name as Discord shows it: quotes, backslashes and non-ASCII replaced so the header stays valid.</summary>
    public static string AsciiName(string fileName)
    {
        var name = new string(fileName.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_').ToArray());
        return name.Length > 0 ? name : "file";
    }

    private static string Quoted(string value) => $"\"{value}\"";
}
