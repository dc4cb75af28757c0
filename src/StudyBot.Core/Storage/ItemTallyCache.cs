namespace StudyBot.Core.Storage;

/// <summary>
/// Item analysis tallies as last read, per pack, at the store's count of closed posts: they change only
/// when a post closes (answers count from then on, and a closed post takes no more), and reading them
/// sums every answer of the pack, about a second for a million answers.
/// </summary>
public sealed class ItemTallyCache
{
    private readonly VersionedCache<string, IReadOnlyList<MemberTally>> _members = new();
    private readonly VersionedCache<string, (HashSet<long> Top, HashSet<long> Bottom, IReadOnlyList<ChoiceTally> Tallies)> _choices = new();

    public IReadOnlyList<MemberTally>? FindMembers(string? packId, long version) =>
        _members.TryFind(Key(packId), version, out var members) ? members : null;

    public void KeepMembers(string? packId, long version, IReadOnlyList<MemberTally> members) => _members.Keep(Key(packId), version, members);

    /// <summary>The tallies kept for the same groups; groups differ when the caller ranked differently.</summary>
    public IReadOnlyList<ChoiceTally>? FindChoices(string? packId, long version, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom) =>
        _choices.TryFind(Key(packId), version, out var kept) && kept.Top.SetEquals(top) && kept.Bottom.SetEquals(bottom) ? kept.Tallies : null;

    public void KeepChoices(string? packId, long version, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom, IReadOnlyList<ChoiceTally> tallies) =>
        _choices.Keep(Key(packId), version, ([.. top], [.. bottom], tallies));

    // "" stands for every pack.
    private static string Key(string? packId) => packId is null ? "" : "pack:" + packId;
}
