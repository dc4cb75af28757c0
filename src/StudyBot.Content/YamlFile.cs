using StudyBot.Core.Content;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StudyBot.Content;

/// <summary>
/// Reads one YAML file through YamlDotNet's node model, which keeps line numbers, so every error
/// (unknown key, wrong type, bad value) points at the line to fix.
/// </summary>
internal sealed class YamlFile(string path, int lineOffset = 0)
{
    public string Path { get; } = path;

    public ContentException Error(YamlNode node, string message) => new(Path, Line(node), message);

    public int Line(YamlNode node) => (int)node.Start.Line + lineOffset;

    public YamlNode Parse(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(new Parser(scanner));
            if (stream.Documents.Count == 0) throw new ContentException(Path, 1 + lineOffset, "the file is empty");
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message ?? e.Message;
            throw new ContentException(Path, (int)e.Start.Line + lineOffset, $"bad YAML: {inner}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet fails on some malformed input with a plain .NET exception instead of a
            // YamlException (found by ContentFuzzTests); the scanner still knows where it stopped.
            throw new ContentException(Path, (int)Math.Max(1, scanner.CurrentPosition.Line) + lineOffset, $"bad YAML: {e.Message}");
        }
    }

    public YamlMappingNode Mapping(YamlNode node, string what, IReadOnlyCollection<string> allowedKeys)
    {
        if (node is not YamlMappingNode map) throw Error(node, $"{what} must be a mapping of keys to values");
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowedKeys.Contains(name))
                throw Error(key, $"unknown key '{name}' in {what}; expected one of: {string.Join(", ", allowedKeys)}");
        }
        return map;
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string RequiredString(YamlMappingNode map, string key, string what) =>
        Get(map, key) is { } node ? Scalar(node, $"{what} '{key}'") : throw Error(map, $"{what} has no '{key}'");

    public string? OptionalString(YamlMappingNode map, string key, string what) =>
        Get(map, key) is { } node ? Scalar(node, $"{what} '{key}'") : null;

    public string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0
            ? value.Trim()
            : throw Error(node, $"{what} must be a non-empty text");

    /// <summary>Either <c>{en: ..., ko: ...}</c> (one or both) or a plain text in the pack's language.</summary>
    public LocalizedText Localized(YamlNode node, string what, Language plainLanguage)
    {
        if (node is YamlScalarNode) return LocalizedText.Of(plainLanguage, Scalar(node, what));
        var map = Mapping(node, what, ["en", "ko"]);
        var en = OptionalString(map, "en", what);
        var ko = OptionalString(map, "ko", what);
        if (en is null && ko is null) throw Error(node, $"{what} needs 'en' or 'ko' text");
        return new LocalizedText(en, ko);
    }

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");
}
