using StudyBot.Core.Content;

namespace StudyBot.Content;

/// <summary>The packs that loaded and every error met on the way (their files were skipped).</summary>
public sealed record ContentLoadResult(IReadOnlyList<ContentPack> Packs, IReadOnlyList<ContentError> Errors, IReadOnlyList<string> SkippedFiles)
{
    public bool IsValid => Errors.Count == 0;
}
