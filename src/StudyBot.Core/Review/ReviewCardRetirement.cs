using Microsoft.Extensions.Hosting;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Review;

/// <summary>
/// At start, retires the cards of questions no longer in any loaded pack (and brings back those whose
/// question returned), so <c>/review</c>, <c>/stats</c> and <c>/export</c> never show them. Silent by design:
/// a pack edit is not the member's business. Member-written questions count as loaded: their pool is read before this runs.
/// </summary>
public sealed class ReviewCardRetirement(IReviewStore reviews, ContentCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        reviews.SyncRetiredAsync(catalog.AllPacks.SelectMany(p => p.Questions).Select(q => q.Id).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
