using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StudyBot.Testing.Slack;

/// <summary>
/// Slack on 127.0.0.1: the Web API methods StudyBot calls, response URLs, and Socket Mode WebSockets
/// (apps.connections.open hands out single-use ws:// URLs). Records every call and every ack.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<ApiCall, FakeResponse?>> _scriptedByCall = new();
    private readonly Channel<FakeSocket> _sockets = Channel.CreateUnbounded<FakeSocket>();
    private readonly ConcurrentBag<FakeSocket> _allSockets = [];
    private int _opened;
    private int _connected;
    private int _ts;
    private int _files;
    private readonly ConcurrentQueue<ChannelMessage> _channelMessages = new();

    private FakeSlack(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public Recorded<ApiCall> Calls { get; } = new();

    /// <summary>Raised with the status the fake answered a Web API call with (a 429 included), before the body is written.</summary>
    public event Action<ApiCall, int>? Responded;

    /// <summary>Bytes POSTed to the upload URLs that files.getUploadURLExternal handed out, by file id.</summary>
    public ConcurrentDictionary<string, byte[]> Uploads { get; } = new(StringComparer.Ordinal);

    /// <summary>users.info answers by user id (the <c>user</c> object); unknown users are plain members.</summary>
    public ConcurrentDictionary<string, object> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Pinned messages as "channel/ts" (pins.add, pins.remove).</summary>
    public ConcurrentDictionary<string, bool> Pins { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages chat.postMessage made in channels (thread replies aside), oldest first, with their metadata: conversations.history reads them.</summary>
    public IReadOnlyList<ChannelMessage> ChannelMessages => _channelMessages.ToList();

    /// <summary>Slack's chat.postMessage limits, enforced when set (off by default).</summary>
    public FakeSlackRateLimits? RateLimits { get; set; }

    /// <summary>New sockets wait for <see cref="FakeSocket.SendHelloAsync"/> instead of saying hello at once.</summary>
    public bool HoldHello { get; set; }

    /// <summary>New sockets never say hello.</summary>
    public bool NoHello { get; set; }

    /// <summary>The next socket says hello, then stops reading: pings go unanswered, as on a dead link.</summary>
    public bool FreezeNextSocket { get; set; }

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (string method, HttpContext http) => fake.ApiAsync(method, http));
        app.MapPost("/respond/{id}", (string id, HttpContext http) => fake.ApiAsync("respond", http));
        app.MapPost("/upload/{id}", (string id, HttpContext http) => fake.UploadAsync(id, http));
        app.Map("/socket/{number:int}", (int number, HttpContext http) => fake.SocketAsync(number, http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>A response_url for an interaction; replies to it are recorded as method "respond".</summary>
    public string ResponseUrl(string id) => new Uri(BaseUrl, $"respond/{id}").ToString();

    /// <summary>The next answer(s) to <paramref name="method"/>, before the default ones.</summary>
    public void Script(string method, params FakeResponse[] responses)
    {
        var queue = _scripted.GetOrAdd(method, _ => new ConcurrentQueue<FakeResponse>());
        foreach (var response in responses) queue.Enqueue(response);
    }

    /// <summary>
    /// A one-time answer to the first call <paramref name="respond"/> answers (non-null), before the method's
    /// queue: for calls made in parallel, where only the arguments tell which one should fail.
    /// </summary>
    public void Script(Func<ApiCall, FakeResponse?> respond) => _scriptedByCall.Enqueue(respond);

    public async Task<FakeSocket> NextSocketAsync(TimeSpan? timeout = null) =>
        await _sockets.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? Recorded<ApiCall>.DefaultTimeout);

    public int ConnectionsOpened => Volatile.Read(ref _opened);

    /// <summary>Every socket the bot opened, for checks over all it sent.</summary>
    public IReadOnlyCollection<FakeSocket> Sockets => _allSockets;

    public Task<ApiCall> CallAsync(string method, Func<ApiCall, bool>? match = null) =>
        Calls.WaitForAsync(c => c.Method == method && (match is null || match(c)), what: method);

    private async Task ApiAsync(string method, HttpContext http)
    {
        var call = new ApiCall(method, http.Request.Headers.Authorization.ToString(), await ReadBodyAsync(http.Request), http.Request.Path, DateTimeOffset.UtcNow);
        Calls.Add(call);
        var response = RateLimits?.Check(call)
            ?? ScriptedFor(call)
            ?? (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted) ? scripted : Default(call));
        Responded?.Invoke(call, response.Status);
        http.Response.StatusCode = response.Status;
        if (response.RetryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.Json is not null) await http.Response.WriteAsJsonAsync(response.Json);
    }

    private FakeResponse? ScriptedFor(ApiCall call)
    {
        // One pass over the queue: the first script that answers is used up, the others stay in order.
        FakeResponse? answer = null;
        lock (_scriptedByCall)
        {
            for (var count = _scriptedByCall.Count; count > 0 && _scriptedByCall.TryDequeue(out var script); count--)
            {
                if (answer is null && script(call) is { } response) answer = response;
                else _scriptedByCall.Enqueue(script);
            }
        }
        return answer;
    }

    private async Task UploadAsync(string id, HttpContext http)
    {
        using var bytes = new MemoryStream();
        await http.Request.Body.CopyToAsync(bytes);
        Uploads[id] = bytes.ToArray();
        // What Slack's upload service answers.
        await http.Response.WriteAsync($"OK - {bytes.Length}");
    }

    private FakeResponse Default(ApiCall call)
    {
        switch (call.Method)
        {
            case "conversations.open":
                return new(200, new { ok = true, channel = new { id = "D" + call.Arg("users") } });
            case "files.getUploadURLExternal":
                var fileId = $"F{Interlocked.Increment(ref _files):0000}";
                return new(200, new { ok = true, upload_url = new Uri(BaseUrl, $"upload/{fileId}").ToString(), file_id = fileId });
            case "files.completeUploadExternal":
                return new(200, new { ok = true, files = new[] { new { id = "F0001", title = "export" } } });
            case "auth.test":
                return new(200, new { ok = true, url = "https://study.slack.com/", team = "Study Team", user = "studybot", team_id = "T0TEAM", user_id = "U0BOT", bot_id = "B0BOT" });
            case "apps.connections.open":
                var number = Interlocked.Increment(ref _opened);
                var url = new UriBuilder(BaseUrl) { Scheme = "ws", Path = $"socket/{number}", Query = $"ticket=secret-ticket-{number}&app_id=A0STUDY" };
                return new(200, new { ok = true, url = url.Uri.ToString() });
            case "chat.postMessage":
                var posted = $"1700000000.{Interlocked.Increment(ref _ts):000000}";
                if (call.Arg("thread_ts") is null)
                    _channelMessages.Enqueue(new ChannelMessage(call.Arg("channel") ?? "", posted,
                        call.Body.TryGetProperty("metadata", out var metadata) ? metadata.Clone() : null));
                return new(200, new { ok = true, channel = call.Arg("channel"), ts = posted });
            case "conversations.history":
                return History(call);
            case "chat.update":
                return new(200, new { ok = true, channel = call.Arg("channel"), ts = call.Arg("ts") });
            case "chat.postEphemeral":
                return new(200, new { ok = true, message_ts = $"1700000000.{Interlocked.Increment(ref _ts):000000}" });
            case "users.info":
                var id = call.Arg("user") ?? "";
                return new(200, new { ok = true, user = Users.TryGetValue(id, out var user) ? user : new { id, name = id.ToLowerInvariant(), is_admin = false, is_owner = false } });
            case "respond":
                return new(200, new { ok = true });
            // Slack's answers: already_pinned for a second pins.add, no_pin for removing one that is not pinned.
            case "pins.add":
                return Pins.TryAdd($"{call.Arg("channel")}/{call.Arg("timestamp")}", true) ? new(200, new { ok = true }) : FakeResponse.Error("already_pinned");
            case "pins.remove":
                return Pins.TryRemove($"{call.Arg("channel")}/{call.Arg("timestamp")}", out _) ? new(200, new { ok = true }) : FakeResponse.Error("no_pin");
            case "views.open":
                return ViewProblem(call.Body) is { } problem
                    ? new(200, new { ok = false, error = "invalid_arguments", response_metadata = new { messages = new[] { problem } } })
                    : new(200, new { ok = true, view = new { id = $"V{Interlocked.Increment(ref _ts):0000}", type = "modal" } });
            default:
                return FakeResponse.Error("unknown_method");
        }
    }

    /// <summary>
    /// conversations.history as Slack answers it: the channel's messages newest first, only those after <c>oldest</c>,
    /// metadata only with <c>include_all_metadata</c>, pages of <c>limit</c> with a <c>next_cursor</c>.
    /// </summary>
    private FakeResponse History(ApiCall call)
    {
        var channel = call.Arg("channel");
        if (string.IsNullOrEmpty(channel)) return FakeResponse.Error("channel_not_found");
        var oldest = decimal.Parse(call.Arg("oldest") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var limit = int.Parse(call.Arg("limit") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
        var skip = int.Parse(call.Arg("cursor") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var withMetadata = call.Arg("include_all_metadata") == "true";
        var matching = _channelMessages
            .Where(m => m.Channel == channel && decimal.Parse(m.Ts, System.Globalization.CultureInfo.InvariantCulture) > oldest)
            .Reverse().ToList();
        var page = matching.Skip(skip).Take(limit).Select(m =>
        {
            var message = new JsonObject { ["type"] = "message", ["ts"] = m.Ts, ["bot_id"] = "B0BOT" };
            if (withMetadata && m.Metadata is { } metadata) message["metadata"] = JsonNode.Parse(metadata.GetRawText());
            return message;
        }).ToArray();
        var more = skip + page.Length < matching.Count;
        return new(200, new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray(page),
            ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? (skip + page.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) : "" },
        });
    }

    /// <summary>
    /// What Slack's views.open refuses (https://api.slack.com/methods/views.open, .../reference/surfaces/views,
    /// .../block-elements#input): a trigger_id, a modal view with a plain_text title and submit of at most 24
    /// characters, at most 100 blocks, private_metadata and callback_id within their limits, and input blocks whose
    /// plain_text_input has an action_id and an initial_value no longer than its max_length (at most 3000).
    /// </summary>
    public static string? ViewProblem(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("trigger_id", out var trigger) || trigger.GetString() is not { Length: > 0 })
            return "[ERROR] missing required field: trigger_id";
        if (!body.TryGetProperty("view", out var view) || view.ValueKind != JsonValueKind.Object) return "[ERROR] missing required field: view";
        if (view.TryGetProperty("type", out var type) ? type.GetString() != "modal" : true) return "[ERROR] view type must be modal";
        foreach (var key in new[] { "title", "submit", "close" })
        {
            if (!view.TryGetProperty(key, out var text)) { if (key == "title") return "[ERROR] missing required field: title"; continue; }
            if (text.GetProperty("type").GetString() != "plain_text" || text.GetProperty("text").GetString()!.Length is 0 or > 24)
                return $"[ERROR] {key} must be plain_text of 1 to 24 characters";
        }
        if (view.TryGetProperty("private_metadata", out var metadata) && metadata.GetString()!.Length > 3000) return "[ERROR] private_metadata over 3000";
        if (view.TryGetProperty("callback_id", out var callback) && callback.GetString()!.Length > 255) return "[ERROR] callback_id over 255";
        var blocks = view.GetProperty("blocks");
        if (blocks.GetArrayLength() is 0 or > 100) return "[ERROR] a view has 1 to 100 blocks";
        foreach (var block in blocks.EnumerateArray().Where(b => b.GetProperty("type").GetString() == "input"))
        {
            var label = block.GetProperty("label");
            if (label.GetProperty("type").GetString() != "plain_text" || label.GetProperty("text").GetString()!.Length is 0 or > 2000)
                return "[ERROR] an input label must be plain_text of 1 to 2000 characters";
            var element = block.GetProperty("element");
            if (element.GetProperty("type").GetString() != "plain_text_input") return "[ERROR] unexpected input element";
            if (element.TryGetProperty("action_id", out var action) ? action.GetString()!.Length is 0 or > 255 : true) return "[ERROR] an input needs an action_id";
            var max = element.TryGetProperty("max_length", out var m) ? m.GetInt32() : 3000;
            if (max is < 1 or > 3000) return "[ERROR] max_length must be 1 to 3000";
            if (element.TryGetProperty("initial_value", out var initial) && initial.GetString()!.Length > max) return "[ERROR] initial_value over max_length";
            if (element.TryGetProperty("placeholder", out var hint) && hint.GetProperty("text").GetString()!.Length > 150) return "[ERROR] placeholder over 150";
        }
        return null;
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var json = new JsonObject();
            foreach (var (key, value) in form) json[key] = value.ToString();
            return JsonDocument.Parse(json.ToJsonString()).RootElement.Clone();
        }
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return text.Length == 0 ? JsonDocument.Parse("{}").RootElement.Clone() : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task SocketAsync(int number, HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }
        using var webSocket = await http.WebSockets.AcceptWebSocketAsync();
        var frozen = FreezeNextSocket;
        FreezeNextSocket = false;
        var socket = new FakeSocket(number, webSocket, () => Volatile.Read(ref _connected));
        Interlocked.Increment(ref _connected);
        _allSockets.Add(socket);
        _sockets.Writer.TryWrite(socket);
        try
        {
            await socket.RunAsync(sendHello: !HoldHello && !NoHello, frozen, http.RequestAborted);
        }
        finally
        {
            Interlocked.Decrement(ref _connected);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _allSockets) socket.Abort();
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var socket in _allSockets) socket.Dispose();
    }
}

/// <summary>A message posted in a channel: its <c>ts</c> and the <c>metadata</c> it was sent with.</summary>
public sealed record ChannelMessage(string Channel, string Ts, JsonElement? Metadata);
