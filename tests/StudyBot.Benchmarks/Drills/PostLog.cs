using System.Collections.Concurrent;
using System.Diagnostics;

namespace StudyBot.Benchmarks.Drills;

/// <summary>One daily-post request as the fake answered it: which node sent it, to which channel, the status, when.</summary>
public sealed record PostAttempt(int Node, string Channel, int Status, long At)
{
    public bool Accepted => Status is >= 200 and < 300;
}

/// <summary>Every daily-post request of a drill, fed from the fake's <c>Responded</c> event.</summary>
public sealed class PostLog
{
    private readonly ConcurrentQueue<PostAttempt> _attempts = new();
    private int _accepted;

    public int Accepted => Volatile.Read(ref _accepted);

    public IReadOnlyList<PostAttempt> Attempts => _attempts.ToList();

    public void Add(int node, string channel, int status)
    {
        var attempt = new PostAttempt(node, channel, status, Stopwatch.GetTimestamp());
        _attempts.Enqueue(attempt);
        if (attempt.Accepted) Interlocked.Increment(ref _accepted);
    }

    /// <summary>The node whose token signed a request ("…node2…"), or -1.</summary>
    public static int NodeOf(string? authorization)
    {
        for (var node = 0; node < Cluster.Size; node++)
        {
            if (authorization?.Contains(Cluster.NodeName(node), StringComparison.Ordinal) == true) return node;
        }
        return -1;
    }
}
