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

    private FakeSlack(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public Recorded<ApiCall> Calls { get; } = new();

    /// <summary>Bytes POSTed to the upload URLs that files.getUploadURLExternal handed out, by file id.</summary>
    public ConcurrentDictionary<string, byte[]> Uploads { get; } = new(StringComparer.Ordinal);

    /// <summary>users.info answers by user id (the <c>user</c> object); unknown users are plain members.</summary>
    public ConcurrentDictionary<string, object> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Pinned messages as "channel/ts" (pins.add, pins.remove).</summary>
    public ConcurrentDictionary<string, bool> Pins { get; } = new(StringComparer.Ordinal);

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
                return new(200, new { ok = true, channel = call.Arg("channel"), ts = $"1700000000.{Interlocked.Increment(ref _ts):000000}" });
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
            default:
                return FakeResponse.Error("unknown_method");
        }
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
