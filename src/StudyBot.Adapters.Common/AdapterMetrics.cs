using System.Diagnostics.Metrics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace StudyBot.Adapters.Common;

/// <summary>
/// The chat adapters' instruments on the "StudyBot.Adapters" meter, labelled by platform (a handful
/// of values, never a channel or user id, so series stay few). Free until an exporter listens.
/// </summary>
public static class AdapterMetrics
{
    public const string MeterName = "StudyBot.Adapters";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> RestRequests =
        Meter.CreateCounter<long>("studybot.rest.requests", "{request}", "HTTP requests sent to a platform's REST or Web API, retries included.");

    public static readonly Counter<long> RateLimited =
        Meter.CreateCounter<long>("studybot.rest.rate_limited", "{response}", "429 responses from a platform's REST or Web API.");

    public static readonly Counter<long> Reconnects =
        Meter.CreateCounter<long>("studybot.gateway.reconnects", "{reconnect}", "Gateway (Discord) or Socket Mode (Slack) connections that dropped and were reopened.");

    // Queues by their channel, held weakly: a stopped adapter's queue (or a test host's) leaves the gauge with it.
    private static readonly ConditionalWeakTable<object, QueueSource> Queues = [];

    private static readonly ObservableGauge<long> InteractionQueueDepth =
        Meter.CreateObservableGauge("studybot.interactions.queued", ObserveQueues, "{interaction}", "Interactions received and not yet handed to the core.");

    public static KeyValuePair<string, object?> On(string platform) => new("platform", platform);

    /// <summary>Counts one REST or Web API response, and a 429 as rate limited.</summary>
    public static void CountResponse(string platform, HttpStatusCode status)
    {
        RestRequests.Add(1, On(platform));
        if (status == HttpStatusCode.TooManyRequests) RateLimited.Add(1, On(platform));
    }

    /// <summary>Reports <paramref name="queue"/>'s length as the platform's interaction queue depth for as long as the queue lives.</summary>
    public static Channel<T> TrackQueue<T>(string platform, Channel<T> queue)
    {
        Queues.AddOrUpdate(queue, new QueueSource(platform, () => queue.Reader.CanCount ? queue.Reader.Count : 0));
        return queue;
    }

    private static IEnumerable<Measurement<long>> ObserveQueues() =>
        Queues.Select(q => q.Value).GroupBy(q => q.Platform, StringComparer.Ordinal)
            .Select(g => new Measurement<long>(g.Sum(q => (long)q.Depth()), On(g.Key)))
            .ToList();

    private sealed record QueueSource(string Platform, Func<int> Depth);
}
