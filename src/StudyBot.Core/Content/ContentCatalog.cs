namespace StudyBot.Core.Content;

/// <summary>
/// All packs the bot loaded. The first pack is the default for new channels. Beside them sit the member
/// packs: each channel's approved <c>/suggest</c> questions, swapped in whole when one is approved, so every
/// place that finds a question by pack and id (answers, reveals, reviews, stats) finds those too.
/// </summary>
public sealed class ContentCatalog
{
    private readonly Dictionary<string, ContentPack> _packs;

    public ContentCatalog(IEnumerable<ContentPack> packs, string? defaultPackId = null)
    {
        Packs = packs.ToList();
        _packs = Packs.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        Default = (defaultPackId is not null ? Find(defaultPackId) : null) ?? (Packs.Count > 0 ? Packs[0] : null);
    }

    private readonly Lock _swap = new();
    private volatile IReadOnlyDictionary<string, ContentPack> _memberPacks = new Dictionary<string, ContentPack>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The packs loaded from files; member packs are not among them.</summary>
    public IReadOnlyList<ContentPack> Packs { get; }
    public ContentPack? Default { get; }

    /// <summary>Packs from files, then member packs.</summary>
    public IEnumerable<ContentPack> AllPacks => Packs.Concat(_memberPacks.Values);

    public ContentPack? Find(string? id) => id is null ? null : _packs.GetValueOrDefault(id) ?? _memberPacks.GetValueOrDefault(id);

    public ContentPack? FindQuestionPack(string questionId) =>
        AllPacks.FirstOrDefault(p => p.FindQuestion(questionId) is not null);

    /// <summary>Puts a member pack in place of the one with its id (copy on write: readers never see half a swap).</summary>
    public void UseMemberPack(ContentPack pack)
    {
        lock (_swap)
        {
            _memberPacks = new Dictionary<string, ContentPack>(_memberPacks, StringComparer.OrdinalIgnoreCase) { [pack.Id] = pack };
        }
    }

    /// <summary>The pack a channel uses, or the default when its pack is no longer loaded.</summary>
    public ContentPack? ForChannel(string? packId) => Find(packId) ?? Default;
}
