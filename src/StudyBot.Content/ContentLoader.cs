namespace StudyBot.Content;

/// <summary>Loads a content root (a folder of packs) or a single pack folder.</summary>
public static class ContentLoader
{
    /// <summary>
    /// <paramref name="path"/> is a pack when it has pack.yaml or holds no sub-folders (a folder of
    /// notes); otherwise every sub-folder is a pack and files beside them (a README) are ignored.
    /// </summary>
    public static ContentLoadResult Load(string path)
    {
        if (!Directory.Exists(path))
            return new ContentLoadResult([], [new ContentError(path, 0, "no such folder")], []);

        var isPack = File.Exists(Path.Combine(path, "pack.yaml")) || !Directory.EnumerateDirectories(path).Any();
        var folders = isPack ? [path] : Directory.EnumerateDirectories(path).Order(StringComparer.Ordinal).ToList();

        var packs = new List<StudyBot.Core.Content.ContentPack>();
        var errors = new List<ContentError>();
        var skipped = new List<string>();
        foreach (var folder in folders)
        {
            var loader = new PackLoader(folder);
            var pack = loader.Load();
            errors.AddRange(loader.Errors);
            skipped.AddRange(loader.SkippedFiles);
            if (pack is null) continue;
            if (packs.Any(p => p.Id == pack.Id))
            {
                errors.Add(new ContentError(Path.Combine(folder, "pack.yaml"), 1, $"pack id '{pack.Id}' is used by another pack; this one is skipped"));
                skipped.Add(folder);
                continue;
            }
            packs.Add(pack);
        }
        return new ContentLoadResult(packs, errors, skipped);
    }
}
