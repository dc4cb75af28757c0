using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.Channels;
using StudyBot.Adapters.Common;

namespace StudyBot.Web.Tests;

/// <summary>The adapters' instruments, read with a MeterListener (what the exporter does), on a platform name no other test uses.</summary>
public sealed class AdapterMetricsTests : IDisposable
{
    private readonly string _platform = "test-" + Guid.NewGuid().ToString("N");
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _totals = [];
    private readonly Lock _gate = new();

    public AdapterMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AdapterMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "platform" } && Equals(tag.Value, _platform))
                    lock (_gate) _totals[instrument.Name] = _totals.GetValueOrDefault(instrument.Name) + value;
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private long Total(string instrument)
    {
        lock (_gate) return _totals.GetValueOrDefault(instrument);
    }

    [Fact]
    public void Every_response_counts_as_a_request_and_a_429_also_as_rate_limited()
    {
        AdapterMetrics.CountResponse(_platform, HttpStatusCode.OK);
        AdapterMetrics.CountResponse(_platform, HttpStatusCode.TooManyRequests);
        AdapterMetrics.CountResponse(_platform, HttpStatusCode.InternalServerError);

        Assert.Equal(3, Total("studybot.rest.requests"));
        Assert.Equal(1, Total("studybot.rest.rate_limited"));
    }

    [Fact]
    public void A_dropped_connection_counts_as_a_reconnect_and_tells_the_registry()
    {
        var registry = new RecordingRegistry();
        using var status = new AdapterStatus(_platform, registry);

        status.Started();
        status.Connected();
        status.Disconnected("no heartbeat ACK");
        status.Connected();

        Assert.Equal(1, Total("studybot.gateway.reconnects"));
        Assert.Equal(["started", "connected", "disconnected: no heartbeat ACK", "connected"], registry.Events);
    }

    [Fact]
    public void The_queue_gauge_reports_what_waits_in_a_tracked_queue()
    {
        var queue = AdapterMetrics.TrackQueue(_platform, Channel.CreateUnbounded<int>());
        queue.Writer.TryWrite(1);
        queue.Writer.TryWrite(2);
        queue.Writer.TryWrite(3);
        queue.Reader.TryRead(out _);

        _listener.RecordObservableInstruments();

        Assert.Equal(2, Total("studybot.interactions.queued"));
        GC.KeepAlive(queue);
    }

    private sealed class RecordingRegistry : IChatAdapterRegistry
    {
        public List<string> Events { get; } = [];

        public void Started(string platform) => Events.Add("started");

        public void Failed(string platform, string reason) => Events.Add($"failed: {reason}");

        public void Connected(string platform) => Events.Add("connected");

        public void Disconnected(string platform, string reason) => Events.Add($"disconnected: {reason}");
    }
}
