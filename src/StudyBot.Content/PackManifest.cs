using System.Text.RegularExpressions;
using StudyBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace StudyBot.Content;

/// <summary>The contents of <c>pack.yaml</c>: id, title, default language and the exam domains its questions may name.</summary>
internal sealed record PackManifest(string Id, LocalizedText Title, Language Language, IReadOnlyList<string> Domains)
{
    public const string FileName = "pack.yaml";

    public static readonly Regex IdPattern = new("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant);

    public static PackManifest Read(string path, string text)
    {
        var yaml = new YamlFile(path);
        var map = yaml.Mapping(yaml.Parse(text), "pack.yaml", ["id", "title", "language", "domains"]);
        var id = yaml.RequiredString(map, "id", "pack.yaml");
        if (!IdPattern.IsMatch(id)) throw yaml.Error(YamlFile.Get(map, "id")!, $"pack id '{id}' must be lowercase letters, digits and '-'");
        var languageCode = yaml.OptionalString(map, "language", "pack.yaml") ?? "en";
        if (!Languages.TryParse(languageCode, out var language))
            throw yaml.Error(YamlFile.Get(map, "language")!, $"language '{languageCode}' must be 'en' or 'ko'");
        var title = YamlFile.Get(map, "title") is { } titleNode ? yaml.Localized(titleNode, "title", language) : LocalizedText.Of(language, id);
        return new PackManifest(id, title, language, ReadDomains(yaml, map));
    }

    /// <summary>A folder without pack.yaml: a group's own notes dropped in as they are.</summary>
    public static PackManifest Implicit(string folder)
    {
        var name = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(folder)).ToLowerInvariant();
        var id = Regex.Replace(name, "[^a-z0-9-]+", "-").Trim('-');
        return new PackManifest(id.Length == 0 ? "notes" : id, LocalizedText.Of(Language.En, name), Language.En, []);
    }

    /// <summary>Optional <c>domains: [a, b]</c>: a pack for another exam brings its own list.</summary>
    private static string[] ReadDomains(YamlFile yaml, YamlMappingNode map)
    {
        if (YamlFile.Get(map, "domains") is not { } node) return [];
        var domains = yaml.Sequence(node, "pack.yaml 'domains'").Children.Select(d => yaml.Scalar(d, "a domain")).ToArray();
        if (domains.FirstOrDefault(d => !IdPattern.IsMatch(d)) is { } bad)
            throw yaml.Error(node, $"domain '{bad}' must be lowercase letters, digits and '-'");
        if (domains.GroupBy(d => d).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw yaml.Error(node, $"domain '{twice.Key}' is listed twice");
        return domains;
    }
}
