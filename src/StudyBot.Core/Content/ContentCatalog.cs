namespace StudyBot.Core.Content;

/// <summary>All packs the bot loaded. The first pack is the default for new channels.</summary>
public sealed class ContentCatalog
{
    private readonly Dictionary<string, ContentPack> _packs;

    public ContentCatalog(IEnumerable<ContentPack> packs, string? defaultPackId = null)
    {
        Packs = packs.ToList();
        _packs = Packs.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        Default = (defaultPackId is not null ? Find(defaultPackId) : null) ?? (Packs.Count > 0 ? Packs[0] : null);
    }

    public IReadOnlyList<ContentPack> Packs { get; }
    public ContentPack? Default { get; }

    public ContentPack? Find(string? id) => id is null ? null : _packs.GetValueOrDefault(id);

    public ContentPack? FindQuestionPack(string questionId) =>
        Packs.FirstOrDefault(p => p.FindQuestion(questionId) is not null);

    /// <summary>The pack a channel uses, or the default when its pack is no longer loaded.</summary>
    public ContentPack? ForChannel(string? packId) => Find(packId) ?? Default;
}
