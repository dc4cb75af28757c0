using System.Collections.Concurrent;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// Item analysis tallies as last read, per pack. Unlike SQLite's cache, the version is read from the
/// database, not counted in this process, so a post closed by another node is seen: it is the number
/// of closed posts. Posts only ever go from open to closed and a closed post takes no more answers,
/// so the same number means the same closed posts and the same tallies.
/// </summary>
internal sealed class ItemTallyCache
{
    private readonly ConcurrentDictionary<string, (long Version, IReadOnlyList<MemberTally> Members)> _members = new();
    private readonly ConcurrentDictionary<string, (long Version, HashSet<long> Top, HashSet<long> Bottom, IReadOnlyList<ChoiceTally> Tallies)> _choices = new();

    public const string VersionQuery = "SELECT COUNT(*) FROM posts WHERE closed_at IS NOT NULL";

    public IReadOnlyList<MemberTally>? FindMembers(string? packId, long version) =>
        _members.TryGetValue(Key(packId), out var kept) && kept.Version == version ? kept.Members : null;

    public void KeepMembers(string? packId, long version, IReadOnlyList<MemberTally> members) => _members[Key(packId)] = (version, members);

    public IReadOnlyList<ChoiceTally>? FindChoices(string? packId, long version, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom) =>
        _choices.TryGetValue(Key(packId), out var kept) && kept.Version == version && kept.Top.SetEquals(top) && kept.Bottom.SetEquals(bottom)
            ? kept.Tallies
            : null;

    public void KeepChoices(string? packId, long version, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom, IReadOnlyList<ChoiceTally> tallies) =>
        _choices[Key(packId)] = (version, [.. top], [.. bottom], tallies);

    // Pack ids are few (the loaded packs), so the dictionaries stay small without a cap; "" stands for every pack.
    private static string Key(string? packId) => packId is null ? "" : "pack:" + packId;
}
