using System.Text.Json;
using Json.Schema;

namespace StudyBot.Testing.Discord.Conformance;

/// <summary>One operation of Discord's spec: its method, path template and request body schemas by content type.</summary>
public sealed class SpecOperation(string method, string template, string operationId, IReadOnlyDictionary<string, Lazy<JsonSchema>> bodies)
{
    private readonly string[] _segments = template.Trim('/').Split('/');

    public string Method { get; } = method;

    public string Template { get; } = template;

    public string OperationId { get; } = operationId;

    public IReadOnlyDictionary<string, Lazy<JsonSchema>> Bodies { get; } = bodies;

    /// <summary>How many fixed segments matched (more wins: <c>@original</c> over <c>{message_id}</c>), or -1.</summary>
    public int Match(string path)
    {
        var segments = path.Trim('/').Split('/');
        if (segments.Length != _segments.Length) return -1;
        var literal = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            var expected = _segments[i];
            if (expected.StartsWith('{') && expected.EndsWith('}'))
            {
                if (segments[i].Length == 0) return -1;
            }
            else if (expected == segments[i]) literal++;
            else return -1;
        }
        return literal;
    }

    /// <summary>The validator's complaints about <paramref name="body"/> sent as <paramref name="contentType"/>; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(string contentType, JsonElement body)
    {
        if (!Bodies.TryGetValue(contentType, out var schema))
            return [$"{Method} {Template} takes no {contentType} body (it takes: {string.Join(", ", Bodies.Keys.DefaultIfEmpty("none"))})"];
        var result = schema.Value.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var problems = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .Distinct()
            .ToList();
        return problems.Count > 0 ? problems : [$"{Method} {Template}: the body does not validate"];
    }
}
