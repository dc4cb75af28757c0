using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// Sends a REST request as JSON and parses the answer. Rate limits, 429 retries and the 401 stop are
/// handlers in the HttpClient pipeline (see <see cref="DiscordSetup"/>); this class names the route
/// they work by and maps refusals to <see cref="DiscordApiException"/>.
/// </summary>
internal sealed class DiscordRestClient(IHttpClientFactory httpClients, DiscordRateLimits limits)
{
    public const string HttpClientName = "discord";

    /// <summary>Rate-limit buckets remembered; interaction routes leave none behind.</summary>
    public int RememberedBuckets => limits.Buckets.Count;

    /// <summary>Sends <paramref name="body"/> as JSON and returns the response JSON (null for 204).</summary>
    public Task<JsonElement?> SendAsync(DiscordRoute route, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(route, body, null, cancellationToken);

    /// <summary>
    /// With a <paramref name="file"/>, the body goes as <c>multipart/form-data</c>: the JSON as <c>payload_json</c> and
    /// the file as <c>files[0]</c>, which the JSON's <c>attachments</c> list must name with id 0.
    /// </summary>
    public async Task<JsonElement?> SendAsync(DiscordRoute route, JsonNode? body, DiscordFile? file, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, route.Path);
        DiscordRequest.SetRoute(request, route);
        if (file is not null)
            request.Content = MultipartBody.Create(body, file);
        else if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new DiscordApiException(response.StatusCode, route.RouteKey, Detail(text), ErrorCode(text));
        if (text.Length == 0) return null;
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    private static int? ErrorCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("code", out var code)
                && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            // An HTML page from a proxy carries no code.
            return null;
        }
    }

    // Discord's error bodies are {code, message, errors}; keep them short in exceptions and logs.
    private static string Detail(string body) => body.Length <= 500 ? body : body[..500] + "…";
}
