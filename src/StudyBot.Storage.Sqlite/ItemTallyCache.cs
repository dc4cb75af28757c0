using System.Collections.Concurrent;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// Item analysis tallies as last read, per pack. They change only when a post closes (answers count
/// from then on, and a closed post takes no more), and reading them sums every answer of the pack:
/// about a second for a million answers, so the questions page reads SQLite once per close, not per
/// request. Entries carry the close count they were read at; a read racing a close is never served.
/// </summary>
internal sealed class ItemTallyCache(BoardCache closes)
{
    private readonly ConcurrentDictionary<string, (long Version, IReadOnlyList<MemberTally> Members)> _members = new();
    private readonly ConcurrentDictionary<string, (long Version, HashSet<long> Top, HashSet<long> Bottom, IReadOnlyList<ChoiceTally> Tallies)> _choices = new();

    public long Version => closes.ClosedPosts;

    public IReadOnlyList<MemberTally>? FindMembers(string? packId) =>
        _members.TryGetValue(Key(packId), out var kept) && kept.Version == Version ? kept.Members : null;

    public void KeepMembers(string? packId, long readAtVersion, IReadOnlyList<MemberTally> members) =>
        _members[Key(packId)] = (readAtVersion, members);

    /// <summary>The tallies kept for the same groups; groups differ when the caller ranked differently.</summary>
    public IReadOnlyList<ChoiceTally>? FindChoices(string? packId, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom) =>
        _choices.TryGetValue(Key(packId), out var kept) && kept.Version == Version && kept.Top.SetEquals(top) && kept.Bottom.SetEquals(bottom)
            ? kept.Tallies
            : null;

    public void KeepChoices(string? packId, long readAtVersion, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom, IReadOnlyList<ChoiceTally> tallies) =>
        _choices[Key(packId)] = (readAtVersion, [.. top], [.. bottom], tallies);

    // Pack ids are few (the loaded packs), so the dictionaries stay small without a cap; "" stands for every pack.
    private static string Key(string? packId) => packId is null ? "" : "pack:" + packId;
}
