using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace StudyBot.Testing.Discord.Conformance;

/// <summary>
/// Discord's own OpenAPI description of its REST API, trimmed to what StudyBot calls (see README.md
/// beside it): does a request's route exist, and does its body validate against the operation's
/// request schema (JSON Schema 2020-12, checked by JsonSchema.Net).
/// </summary>
public sealed class DiscordSpec
{
    private const string ResourceName = "StudyBot.Testing.Discord.Conformance.discord-openapi.trimmed.json";
    private static readonly Lazy<DiscordSpec> Loaded = new(Load);

    private DiscordSpec(IReadOnlyList<SpecOperation> operations, string source)
    {
        Operations = operations;
        Source = source;
    }

    public static DiscordSpec Instance => Loaded.Value;

    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>Where the spec came from (repository, commit), for failure messages.</summary>
    public string Source { get; }

    /// <summary>The operation whose path template matches <paramref name="path"/> (relative to <c>/api/v10</c>), if any.</summary>
    public SpecOperation? Find(string method, string path) =>
        Operations
            .Where(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase))
            .Select(o => (Operation: o, Score: o.Match(path)))
            .Where(m => m.Score >= 0)
            .OrderByDescending(m => m.Score)
            .Select(m => m.Operation)
            .FirstOrDefault();

    /// <summary>What Discord's spec rejects in <paramref name="request"/>; empty when the route exists and the body validates.</summary>
    public IReadOnlyList<string> Check(RecordedRequest request)
    {
        if (Find(request.Method, request.Path) is not { } operation)
            return [$"{request.Method} {request.Path}: no such route in Discord's spec"];
        if (request.Body.Length == 0)
            return operation.Bodies.Count == 0 || request.Method == "GET" ? [] : [$"{request.Method} {operation.Template}: no body"];
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value ?? "" : "";
        string json;
        if (mediaType == "multipart/form-data")
        {
            // A message with files: the message itself travels as the payload_json part.
            // The fake has already split a received form (Files set, Body = payload_json); a raw body is split here.
            if ((request.Files is null ? PayloadJson(request.Body, parsed!) : request.Body) is not { } payload) return [$"{request.Method} {operation.Template}: multipart body without a payload_json part"];
            json = payload;
        }
        else json = request.Body;
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            return [$"{request.Method} {operation.Template}: the body is not JSON ({e.Message})"];
        }
        return operation.Validate(mediaType, body).Select(p => $"{request.Method} {operation.Template} {p}").ToList();
    }

    private static string? PayloadJson(string body, MediaTypeHeaderValue contentType)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return null;
        var reader = new MultipartReader(boundary, new MemoryStream(Encoding.UTF8.GetBytes(body)));
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && HeaderUtilities.RemoveQuotes(disposition.Name).Value == "payload_json")
                return new StreamReader(section.Body, Encoding.UTF8).ReadToEnd();
        }
        return null;
    }

    private static DiscordSpec Load()
    {
        using var stream = typeof(DiscordSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var text = new StreamReader(stream);
        // OpenAPI 3.1 schemas are JSON Schema 2020-12; each body schema becomes a schema document whose
        // $defs hold the spec's components, so its $refs resolve inside it.
        var spec = JsonNode.Parse(text.ReadToEnd().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal))!;
        var definitions = spec["components"]!["schemas"]!;
        AllowDocumentedPermissionStrings(definitions);
        var operations = new List<SpecOperation>();
        foreach (var (template, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var operationId = (string)operation!["operationId"]!;
                var bodies = new Dictionary<string, Lazy<JsonSchema>>();
                foreach (var (contentType, content) in operation["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    var schema = content!["schema"]!;
                    var id = new Uri($"https://discord.spec.test/{operationId}/{contentType}");
                    bodies[contentType] = new Lazy<JsonSchema>(() => Build(id, schema, definitions));
                }
                operations.Add(new SpecOperation(method.ToUpperInvariant(), template, operationId, bodies));
            }
        }
        return new DiscordSpec(operations, (string)spec["info"]!["x-source"]!);
    }

    // The spec types default_member_permissions as an integer, but Discord's docs (application-commands,
    // "?string: set of permissions represented as a bit set") send it as a string of digits, and the
    // API accepts both; strings keep permission bits past 2^53 exact, so the bot keeps sending one.
    private static void AllowDocumentedPermissionStrings(JsonNode definitions)
    {
        var properties = definitions["ApplicationCommandUpdateRequest"]?["properties"]?.AsObject();
        if (properties?["default_member_permissions"] is not { } integer) return;
        properties["default_member_permissions"] = new JsonObject
        {
            ["anyOf"] = new JsonArray(integer.DeepClone(), new JsonObject { ["type"] = "string", ["pattern"] = "^(0|[1-9][0-9]*)$" }),
        };
    }

    private static JsonSchema Build(Uri id, JsonNode schema, JsonNode definitions)
    {
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var element = JsonSerializer.SerializeToElement(document);
        return JsonSchema.Build(element, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    }
}
