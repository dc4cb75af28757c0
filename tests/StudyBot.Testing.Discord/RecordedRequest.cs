using System.Diagnostics;
using System.Text.Json;

namespace StudyBot.Testing.Discord;

/// <summary>A REST request the fake Discord received, with when it arrived.</summary>
/// <param name="Body">The JSON body; for a multipart request, its <c>payload_json</c> part.</param>
/// <param name="Files">The multipart request's files, by part name (<c>files[0]</c>).</param>
public sealed record RecordedRequest(string Method, string Path, string Body, string? Authorization, string? UserAgent, long At,
    string? ContentType = null, IReadOnlyDictionary<string, RecordedFile>? Files = null)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public bool Is(string method, string pathPrefix) =>
        Method == method && Path.StartsWith(pathPrefix, StringComparison.Ordinal);

    public TimeSpan Since(long timestamp) => Stopwatch.GetElapsedTime(timestamp, At);
}

/// <summary>A scripted answer: status, optional JSON body and headers (rate-limit headers, Retry-After).</summary>
public sealed record FakeResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>A file part of a multipart request: its filename, content type and bytes.</summary>
public sealed record RecordedFile(string FileName, string ContentType, byte[] Content);
