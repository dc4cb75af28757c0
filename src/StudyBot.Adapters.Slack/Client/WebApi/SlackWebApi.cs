using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StudyBot.Adapters.Slack.Client.WebApi;

/// <summary>
/// Calls Slack's Web API: bearer token, JSON or form body, <c>ok:false</c> turned into a
/// <see cref="SlackApiException"/> with the fix, HTTP 429 retried after <c>Retry-After</c>,
/// chat.postMessage paced across the workspace. Tokens and response URLs are never logged.
/// </summary>
internal sealed class SlackWebApi(
    IHttpClientFactory httpClients,
    IOptions<SlackOptions> options,
    WorkspaceMessagePacer workspacePacer,
    [FromKeyedServices(SlackAdapterId.Value)] AdapterStatus status,
    TimeProvider clock,
    ILogger<SlackWebApi> logger)
{
    public const string HttpClientName = "StudyBot.Slack";

    /// <summary>
    /// The method a fan-out of daily questions sends in bulk, so the only one paced per workspace; the others
    /// keep to Slack's per-method tiers on their own and fall back on Retry-After.
    /// </summary>
    private const string PostMessage = "chat.postMessage";

    private readonly SlackOptions _options = options.Value;

    /// <summary>Calls a method that takes JSON (chat.postMessage, chat.update, chat.postEphemeral) with the bot token.</summary>
    /// <param name="handledErrors">Error codes the caller expects and reports itself (a member whose DMs are closed):
    /// thrown as usual but not logged here as a refusal to fix.</param>
    public Task<JsonElement> CallAsync(string method, JsonObject body, CancellationToken cancellationToken, IReadOnlySet<string>? handledErrors = null) =>
        CallAsync(method, SlackToken.Bot, () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            body["channel"]?.GetValue<string>(), retryRateLimits: true, handledErrors, cancellationToken);

    /// <summary>Calls a method that takes form fields (auth.test, users.info, apps.connections.open).</summary>
    /// <param name="retryRateLimits"><c>false</c> to fail at once on HTTP 429 instead of waiting Retry-After.</param>
    /// <param name="handledErrors">Error codes the caller expects and reports itself: thrown, not logged here.</param>
    public Task<JsonElement> CallFormAsync(string method, SlackToken token, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken,
        bool retryRateLimits = true, IReadOnlySet<string>? handledErrors = null) =>
        CallAsync(method, token, () => new FormUrlEncodedContent(form), null, retryRateLimits, handledErrors, cancellationToken);

    /// <summary>Posts a reply to an interaction's response_url (no token: the URL itself is the credential).</summary>
    public async Task PostToResponseUrlAsync(string responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            throw new SlackApiException("response_url", "invalid_url", "Slack sent an interaction without a usable response_url; the reply was not delivered.");
        using var response = await SendAsync("response_url", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url);
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            return request;
        }, _options.MaxRateLimitRetries, pacedPerWorkspace: false, cancellationToken);
        if (response.IsSuccessStatusCode) return;
        var detail = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        var message = $"Slack refused a reply through response_url (HTTP {(int)response.StatusCode}{(detail.Length is > 0 and < 100 ? ", " + detail : "")}): response URLs expire after 30 minutes and 5 uses.";
        logger.ResponseUrlRefused(message);
        throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}", message);
    }

    /// <summary>
    /// Sends a file's bytes to the <c>upload_url</c> that files.getUploadURLExternal handed out (the second step of
    /// Slack's external upload; the URL is the credential, so it is never logged).
    /// </summary>
    public async Task UploadFileAsync(string uploadUrl, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            throw new SlackApiException("files.upload_url", "invalid_url", "Slack returned no usable upload_url; the file was not sent.");
        using var response = await SendAsync("files.upload_url", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url);
            var bytes = new ByteArrayContent(content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Content = bytes;
            return request;
        }, _options.MaxRateLimitRetries, pacedPerWorkspace: false, cancellationToken);
        if (response.IsSuccessStatusCode) return;
        var message = $"Slack refused the upload of {fileName} ({content.Length} bytes) with HTTP {(int)response.StatusCode}.";
        logger.CallRefused(message);
        throw new SlackApiException("files.upload_url", $"http_{(int)response.StatusCode}", message);
    }

    private async Task<JsonElement> CallAsync(string method, SlackToken token, Func<HttpContent> content, string? channel, bool retryRateLimits,
        IReadOnlySet<string>? handledErrors, CancellationToken cancellationToken)
    {
        var secret = token == SlackToken.App ? _options.AppToken : _options.BotToken;
        var url = new Uri(_options.ApiBaseUrl, method);
        using var response = await SendAsync(method, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            return request;
        }, retryRateLimits ? _options.MaxRateLimitRetries : 0, pacedPerWorkspace: method == PostMessage, cancellationToken);

        if (!response.IsSuccessStatusCode)
        {
            var httpError = response.StatusCode == HttpStatusCode.TooManyRequests ? "ratelimited" : $"http_{(int)response.StatusCode}";
            throw Refused(method, httpError, token, channel, null);
        }

        JsonElement root;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Refused(method, "invalid_response", token, channel, null);
        }
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            return root;

        var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
            ? e.GetString()! : "unknown_error";
        var needed = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("needed", out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString() : null;
        throw Refused(method, error, token, channel, needed, handledErrors);
    }

    private SlackApiException Refused(string method, string error, SlackToken token, string? channel, string? neededScope,
        IReadOnlySet<string>? handledErrors = null)
    {
        var message = SlackErrorAdvice.Explain(method, error, token, channel, neededScope);
        if (SlackErrorAdvice.IsFatal(error, token))
            status.Fail(message);
        else if (handledErrors?.Contains(error) != true)
            logger.CallRefused(message);
        return new SlackApiException(method, error, message);
    }

    /// <summary>Sends, waiting out HTTP 429 (and <c>ok:false ratelimited</c>) as long as Retry-After asks.</summary>
    /// <param name="pacedPerWorkspace">Whether each attempt (a retry counts at Slack too) waits for a workspace permit.</param>
    private async Task<HttpResponseMessage> SendAsync(string name, Func<HttpRequestMessage> build, int maxRetries, bool pacedPerWorkspace,
        CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        for (var attempt = 0; ; attempt++)
        {
            using var request = build();
            HttpResponseMessage response;
            // The permit is held only around the request itself: never through a Retry-After wait.
            using (pacedPerWorkspace ? await workspacePacer.WaitTurnAsync(cancellationToken) : null)
                response = await client.SendAsync(request, cancellationToken);
            AdapterMetrics.CountResponse(SlackAdapterId.Value, response.StatusCode);
            if (response.StatusCode != HttpStatusCode.TooManyRequests) return response;
            if (attempt >= maxRetries) return response;

            var wait = RetryAfter(response);
            response.Dispose();
            logger.RateLimited(name, wait.TotalSeconds);
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(5) : wait;
    }
}
