using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StudyBot.Testing.Discord.Conformance;

namespace StudyBot.Testing.Discord;

/// <summary>
/// A fake Discord on 127.0.0.1 speaking the real wire protocol: the REST routes StudyBot calls under
/// <c>/api/v10</c>, and gateway WebSockets at <c>/gateway</c> and <c>/resume</c> that tests script.
/// Every REST request is checked against Discord's OpenAPI spec (<see cref="DiscordSpec"/>): one the
/// spec rejects is answered 400 as Discord would, and disposing the fake then fails the test.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);
    private readonly WebApplication _app;
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly Channel<RecordedRequest> _requestFeed = Channel.CreateUnbounded<RecordedRequest>();
    private readonly ConcurrentQueue<Func<RecordedRequest, FakeResponse?>> _scripted = new();
    private readonly ConcurrentQueue<int> _sessionStartsRemaining = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _specViolations = new();
    private readonly bool _checksSpec;
    private readonly ConcurrentDictionary<string, (string MessageId, long At)> _nonces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RecordedRequest, bool> _nonceRepeats = new(ReferenceEqualityComparer.Instance);
    private int _messageIds = 1000;
    private int _connectionCount;

    private FakeDiscord(WebApplication app, bool checksSpec)
    {
        _app = app;
        _checksSpec = checksSpec;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Threads started from messages, by thread id (which is the message's id, as on Discord): parent channel and name.</summary>
    public ConcurrentDictionary<string, (string ChannelId, string Name)> Threads { get; } = new(StringComparer.Ordinal);

    /// <summary>Pinned messages as "channel/message".</summary>
    public ConcurrentDictionary<string, bool> Pins { get; } = new(StringComparer.Ordinal);

    /// <summary>Roles given through the member-role routes, as "guild/user/role".</summary>
    public ConcurrentDictionary<string, bool> MemberRoles { get; } = new(StringComparer.Ordinal);

    /// <summary>The server every text channel belongs to (GET channels/{id} answers with it).</summary>
    public string GuildId { get; set; } = "guild-1";

    /// <summary>
    /// Messages created in one channel (or thread): POST channels/{id}/messages exactly, not the routes below it, and not
    /// a repeat that Discord answered with the message its enforced nonce had already made.
    /// </summary>
    public IReadOnlyList<RecordedRequest> MessagesPostedIn(string channelId) =>
        Requests.Where(r => r.Method == "POST" && r.Path == $"channels/{channelId}/messages" && !_nonceRepeats.ContainsKey(r)).ToList();

    /// <summary>Creates answered with an earlier message because their enforced nonce was seen within <see cref="NonceWindow"/>.</summary>
    public IReadOnlyList<RecordedRequest> NonceRepeats => Requests.Where(_nonceRepeats.ContainsKey).ToList();

    /// <summary>How long an enforced nonce is remembered: Discord documents "the past few minutes".</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>What Discord's spec rejected in the requests so far (route unknown, body invalid).</summary>
    public IReadOnlyCollection<string> SpecViolations => _specViolations;

    /// <summary>Raised on Kestrel's thread for every REST request, as it arrives (benchmarks pace on it).</summary>
    public event Action<RecordedRequest>? RequestReceived;

    /// <summary>Raised with the status the fake answered a request with (a 429 included), before the body is written.</summary>
    public event Action<RecordedRequest, int>? Responded;

    public string BaseUrl => _app.Urls.First();

    public Uri ApiBase => new($"{BaseUrl}/api/v10/");

    public string GatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    public string ResumeUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume";

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Shard facts for <c>GET /gateway/bot</c> and the IDENTIFYs received, checked against Discord's rules.</summary>
    public FakeShards Shards { get; } = new();

    /// <summary>Discord's REST limits, enforced when set (off by default: most tests are about other things).</summary>
    public FakeRateLimits? RateLimits { get; set; }

    /// <summary>False: <c>GET /gateway/bot</c> answers 401, as for a reset token.</summary>
    public bool TokenAccepted { get; set; } = true;

    /// <summary>Session starts left, one value per <c>GET /gateway/bot</c> (then 1000).</summary>
    public void SessionStartsRemaining(params int[] values)
    {
        foreach (var value in values) _sessionStartsRemaining.Enqueue(value);
    }

    /// <summary>The next request that <paramref name="respond"/> answers (non-null) gets that response instead of the default.</summary>
    public void Script(Func<RecordedRequest, FakeResponse?> respond) => _scripted.Enqueue(respond);

    /// <param name="checkAgainstSpec">False only for a test that sends what Discord rejects on purpose.</param>
    public static async Task<FakeDiscord> StartAsync(bool checkAgainstSpec = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscord(app, checkAgainstSpec);
        app.UseWebSockets();
        app.Map("/gateway", fake.AcceptGatewayAsync);
        app.Map("/resume", fake.AcceptGatewayAsync);
        app.Map("/api/v10/{**path}", fake.HandleRestAsync);
        await app.StartAsync();
        return fake;
    }

    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        return await _connections.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>
    /// Answers every gateway connection from now on as Discord would, with HELLO, then READY after the
    /// IDENTIFY (session id <c>session-shard-N</c>), until <paramref name="stop"/> fires: for tests about
    /// which shards connect, not about one session.
    /// </summary>
    public async Task ServeSessionsAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var connection in _connections.Reader.ReadAllAsync(stop))
                _ = ServeAsync(connection);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(FakeGatewayConnection connection)
    {
        try
        {
            await connection.HelloAsync();
            var identify = await connection.ExpectAsync(2, TimeSpan.FromSeconds(30));
            var shard = identify.GetProperty("d").GetProperty("shard")[0].GetInt32();
            await connection.ReadyAsync(sessionId: $"session-shard-{shard}", resumeUrl: ResumeUrl);
        }
        catch (Exception e) when (e is OperationCanceledException or System.Net.WebSockets.WebSocketException or InvalidOperationException)
        {
            // The client went away first, or sent a RESUME: nothing to serve.
        }
    }

    /// <summary>True if the client opened another gateway connection within <paramref name="wait"/>.</summary>
    public async Task<bool> ConnectsWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await _connections.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits for a request matching <paramref name="match"/> (including ones already received).</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? wait = null)
    {
        var deadline = Stopwatch.GetTimestamp();
        var limit = wait ?? DefaultWait;
        while (true)
        {
            if (Requests.FirstOrDefault(match) is { } found) return found;
            var left = limit - Stopwatch.GetElapsedTime(deadline);
            if (left <= TimeSpan.Zero) throw new TimeoutException("The fake Discord did not receive the expected request. It received: "
                + string.Join(", ", Requests.Select(r => $"{r.Method} {r.Path}")));
            using var timeout = new CancellationTokenSource(left);
            try
            {
                await _requestFeed.Reader.WaitToReadAsync(timeout.Token);
                while (_requestFeed.Reader.TryRead(out _))
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPrefix) =>
        Requests.Where(r => r.Is(method, pathPrefix)).ToList();

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new FakeGatewayConnection(socket, context.Request.Path + context.Request.QueryString, Shards);
        Interlocked.Increment(ref _connectionCount);
        _connections.Writer.TryWrite(connection);
        await connection.RunAsync(_stopping.Token);
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var (requestBody, files) = await ReadBodyAsync(context.Request);
        var request = new RecordedRequest(
            context.Request.Method,
            (string)context.Request.RouteValues["path"]!,
            requestBody,
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.UserAgent.ToString(),
            Stopwatch.GetTimestamp(),
            context.Request.ContentType,
            files);
        Requests.Enqueue(request);
        _requestFeed.Writer.TryWrite(request);
        RequestReceived?.Invoke(request);

        var limitHeaders = new Dictionary<string, string>();
        // Checked even when rate-limited, so no request escapes the spec; a real Discord limits first.
        var limited = RateLimits?.Check(request, limitHeaders);
        var rejected = AgainstSpec(request);
        var response = limited ?? rejected ?? Scripted(request) ?? Default(request);
        Responded?.Invoke(request, response.Status);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in limitHeaders) context.Response.Headers[name] = value;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        if (response.Body is { } body)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    }

    /// <summary>Discord's answer to a body its schema rejects: 400 "Invalid Form Body" (code 50035); 404 for an unknown route.</summary>
    private FakeResponse? AgainstSpec(RecordedRequest request)
    {
        if (!_checksSpec) return null;
        var problems = DiscordSpec.Instance.Check(request);
        if (problems.Count == 0) return null;
        foreach (var problem in problems) _specViolations.Enqueue(problem);
        if (DiscordSpec.Instance.Find(request.Method, request.Path) is null)
            return new FakeResponse(404, """{"message": "404: Not Found", "code": 0}""");
        return Json(new JsonObject
        {
            ["code"] = 50035,
            ["message"] = "Invalid Form Body",
            ["errors"] = new JsonArray(problems.Select(p => (JsonNode)p).ToArray()),
        }, 400);
    }

    /// <summary>JSON as sent, or a multipart body's <c>payload_json</c> and files, as Discord reads them.</summary>
    private static async Task<(string Body, IReadOnlyDictionary<string, RecordedFile>? Files)> ReadBodyAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            using var reader = new StreamReader(request.Body);
            return (await reader.ReadToEndAsync(), null);
        }
        var form = await request.ReadFormAsync();
        var files = new Dictionary<string, RecordedFile>(StringComparer.Ordinal);
        foreach (var file in form.Files)
        {
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes);
            files[file.Name] = new RecordedFile(file.FileName, file.ContentType, bytes.ToArray());
        }
        return (form["payload_json"].ToString(), files);
    }

    private FakeResponse? Scripted(RecordedRequest request)
    {
        // One pass over the queue: the first script that answers is used up, the others stay in order.
        var count = _scripted.Count;
        FakeResponse? answer = null;
        for (var i = 0; i < count && _scripted.TryDequeue(out var script); i++)
        {
            if (answer is null && script(request) is { } response) answer = response;
            else _scripted.Enqueue(script);
        }
        return answer;
    }

    private FakeResponse Default(RecordedRequest request)
    {
        if (request.Is("GET", "gateway/bot"))
        {
            if (!TokenAccepted) return new FakeResponse(401, """{"message": "401: Unauthorized", "code": 0}""");
            var remaining = _sessionStartsRemaining.TryDequeue(out var left) ? left : 1000;
            return Json(new JsonObject
            {
                ["url"] = GatewayUrl,
                ["shards"] = Shards.Recommended,
                ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = remaining, ["reset_after"] = 300, ["max_concurrency"] = Shards.MaxConcurrency },
            });
        }
        if (request.Method == "POST" && request.Path.StartsWith("interactions/", StringComparison.Ordinal)) return new FakeResponse(204);
        // A DM channel's id is derived from the user's, so tests know where the message should land.
        if (request.Is("POST", "users/@me/channels"))
            return Json(new JsonObject { ["id"] = "dm-" + request.Json.GetProperty("recipient_id").GetString(), ["type"] = 1 });
        if (GroupStudyRoute(request) is { } answered) return answered;
        if (RepeatedNonce(request) is { } repeat) return repeat;
        if (request.Method is "POST" or "PATCH" && (request.Path.StartsWith("channels/", StringComparison.Ordinal) || request.Path.StartsWith("webhooks/", StringComparison.Ordinal)))
            return Json(new JsonObject { ["id"] = Interlocked.Increment(ref _messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (request.Method == "PUT" && request.Path.StartsWith("applications/", StringComparison.Ordinal)) return new FakeResponse(200, request.Body);
        return new FakeResponse(404, """{"message": "404: Not Found", "code": 0}""");
    }

    /// <summary>
    /// Discord's create-message with <c>enforce_nonce</c>: the first create with a nonce in a channel makes a message and
    /// remembers it; another with that nonce within the window gets that message back (200, same id) and makes none.
    /// </summary>
    private FakeResponse? RepeatedNonce(RecordedRequest request)
    {
        if (request.Method != "POST" || request.Path.Split('/') is not ["channels", var channel, "messages"] || !request.Body.StartsWith('{')) return null;
        var body = request.Json;
        if (!body.TryGetProperty("enforce_nonce", out var enforce) || enforce.ValueKind != System.Text.Json.JsonValueKind.True
            || !body.TryGetProperty("nonce", out var nonceValue)) return null;
        var key = $"{channel}/{(nonceValue.ValueKind == System.Text.Json.JsonValueKind.String ? nonceValue.GetString() : nonceValue.GetRawText())}";
        lock (_nonces)
        {
            if (_nonces.TryGetValue(key, out var first) && Stopwatch.GetElapsedTime(first.At, request.At) < NonceWindow)
            {
                _nonceRepeats[request] = true;
                return Json(new JsonObject { ["id"] = first.MessageId, ["channel_id"] = channel, ["nonce"] = nonceValue.ToString() });
            }
            var id = Interlocked.Increment(ref _messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _nonces[key] = (id, request.At);
            return Json(new JsonObject { ["id"] = id, ["channel_id"] = channel, ["nonce"] = nonceValue.ToString() });
        }
    }

    /// <summary>Threads, pins, the channel's server and member roles, with the state and answers Discord gives.</summary>
    private FakeResponse? GroupStudyRoute(RecordedRequest request)
    {
        var parts = request.Path.Split('/');
        if (request.Method == "POST" && parts is ["channels", var parent, "messages", var message, "threads"])
        {
            // Discord: a message can start one thread (160004 after that); the thread's id is the message's.
            if (!Threads.TryAdd(message, (parent, request.Json.GetProperty("name").GetString()!)))
                return Json(new JsonObject { ["code"] = 160004, ["message"] = "A thread has already been created for this message" }, 400);
            return Json(new JsonObject { ["id"] = message, ["type"] = 11, ["parent_id"] = parent, ["guild_id"] = GuildId, ["name"] = Threads[message].Name });
        }
        if (request.Method is "PUT" or "DELETE" && parts is ["channels", var channel, "messages", "pins", var pinned])
        {
            if (request.Method == "PUT") Pins[$"{channel}/{pinned}"] = true;
            else Pins.TryRemove($"{channel}/{pinned}", out _);
            return new FakeResponse(204);
        }
        if (request.Method is "PUT" or "DELETE" && parts is ["guilds", var guild, "members", var user, "roles", var role])
        {
            if (request.Method == "PUT") MemberRoles[$"{guild}/{user}/{role}"] = true;
            else MemberRoles.TryRemove($"{guild}/{user}/{role}", out _);
            return new FakeResponse(204);
        }
        if (request.Method == "GET" && parts is ["channels", var id])
            return Json(new JsonObject { ["id"] = id, ["type"] = 0, ["guild_id"] = GuildId, ["name"] = "study" });
        return null;
    }

    /// <summary>Discord's refusal for a permission the bot lacks (HTTP 403, code 50013).</summary>
    public static FakeResponse MissingPermissions() => new(403, """{"message": "Missing Permissions", "code": 50013}""");

    private static FakeResponse Json(JsonNode body, int status = 200) => new(status, body.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
        if (!_specViolations.IsEmpty)
            throw new SpecViolationException(DiscordSpec.Instance.Source, _specViolations.Distinct().ToList());
    }
}
