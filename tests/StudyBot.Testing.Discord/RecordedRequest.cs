using System.Diagnostics;
using System.Text.Json;

namespace StudyBot.Testing.Discord;

/// <summary>A REST request the fake Discord received, with when it arrived.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, string? Authorization, string? UserAgent, long At, string? ContentType = null)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public bool Is(string method, string pathPrefix) =>
        Method == method && Path.StartsWith(pathPrefix, StringComparison.Ordinal);

    public TimeSpan Since(long timestamp) => Stopwatch.GetElapsedTime(timestamp, At);
}

/// <summary>A scripted answer: status, optional JSON body and headers (rate-limit headers, Retry-After).</summary>
public sealed record FakeResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null);
