using System.Text.Json;

namespace StudyBot.Testing.Slack;

/// <summary>A request the fake Slack received: a Web API method, or "respond" for a response_url.</summary>
public sealed record ApiCall(string Method, string? Authorization, JsonElement Body, string Path, DateTimeOffset At)
{
    public string? Arg(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    public override string ToString() => $"{Method} {Body.GetRawText()}";
}

/// <summary>A scripted answer: HTTP status, JSON body, optional Retry-After seconds.</summary>
public sealed record FakeResponse(int Status, object? Json, int? RetryAfterSeconds = null)
{
    public static FakeResponse Error(string error) => new(200, new { ok = false, error });

    public static FakeResponse RateLimited(int seconds) => new(429, new { ok = false, error = "ratelimited" }, seconds);
}
