using Microsoft.Extensions.Logging;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Items;

/// <summary>
/// <see cref="ItemAnalyzer"/>'s finished analysis per pack, kept until the answers change (the store's
/// <see cref="IItemAnalysisQueries.AnswersVersionAsync"/>, moved by every post close), so a page request
/// only filters, sorts and renders. After a change the kept analysis is still served while one refresh
/// per pack runs in the background (stale-while-revalidate): re-reading a million answers takes seconds,
/// and figures a close behind are better than a page that hangs. <see cref="KeptReport.AsOf"/> says how
/// old they are. The very first request of a pack waits for its analysis: there is nothing older to show.
/// </summary>
public sealed class KeptItemAnalysis(ItemAnalyzer analyzer, IItemAnalysisQueries queries, TimeProvider time, ILogger<KeptItemAnalysis> log)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Kept> _packs = [];
    private readonly Dictionary<string, Task<Kept>> _refreshes = [];

    /// <exception cref="ArgumentException">The filter names a pack that is not loaded.</exception>
    public async Task<KeptReport> GetAsync(ItemFilter filter, CancellationToken cancellationToken)
    {
        var packId = analyzer.ResolvePackId(filter.PackId);
        var version = await queries.AnswersVersionAsync(cancellationToken);
        if (version is null)
        {
            var asOf = time.GetUtcNow();
            return new KeptReport((await analyzer.AnalyzePackAsync(packId, cancellationToken)).ForTopic(filter.TopicId), asOf, Refreshing: false);
        }

        var key = packId ?? "";
        Task<Kept>? first;
        lock (_gate)
        {
            var refreshing = _refreshes.TryGetValue(key, out var running);
            if (_packs.TryGetValue(key, out var kept))
            {
                if (kept.Version != version && !refreshing) StartRefresh(key, packId, version.Value);
                return new KeptReport(kept.Report.ForTopic(filter.TopicId), kept.AsOf, kept.Version != version);
            }
            first = running ?? StartRefresh(key, packId, version.Value);
        }
        // The first analysis is shared by every request waiting for it; one request giving up does not cancel it.
        var done = await first.WaitAsync(cancellationToken);
        return new KeptReport(done.Report.ForTopic(filter.TopicId), done.AsOf, Refreshing: false);
    }

    /// <summary>The refresh of the pack under way, or a completed task when none is: lets tests and benchmarks wait for it.</summary>
    public Task WhenRefreshed(string? packId)
    {
        var key = analyzer.ResolvePackId(packId) ?? "";
        lock (_gate) return _refreshes.TryGetValue(key, out var running) ? running : Task.CompletedTask;
    }

    // Called under _gate. The version is taken before the read: a close during the read leaves the kept
    // analysis one version behind, so the next request refreshes again instead of trusting it.
    private Task<Kept> StartRefresh(string key, string? packId, long version)
    {
        var refresh = RefreshAsync(key, packId, version);
        if (!refresh.IsCompleted) _refreshes[key] = refresh;
        return refresh;
    }

    private async Task<Kept> RefreshAsync(string key, string? packId, long version)
    {
        await Task.Yield(); // off the request's thread and out of the caller's lock
        try
        {
            var asOf = time.GetUtcNow();
            var kept = new Kept(version, asOf, await analyzer.AnalyzePackAsync(packId, CancellationToken.None));
            lock (_gate) _packs[key] = kept;
            return kept;
        }
        catch (Exception error)
        {
            // The old analysis stays served; the next request after this one tries again.
            log.LogWarning(error, "Item analysis of {Pack} could not be refreshed", packId ?? "every pack");
            throw;
        }
        finally
        {
            lock (_gate) _refreshes.Remove(key);
        }
    }

    private sealed record Kept(long Version, DateTimeOffset AsOf, ItemReport Report);
}

/// <summary>An item analysis as kept: what it says, when its answers were read, and whether a newer one is being computed.</summary>
public sealed record KeptReport(ItemReport Report, DateTimeOffset AsOf, bool Refreshing);
