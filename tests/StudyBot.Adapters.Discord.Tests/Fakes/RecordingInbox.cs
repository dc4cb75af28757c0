using System.Collections.Concurrent;
using System.Threading.Channels;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Fakes;

/// <summary>One call the adapter made into the core.</summary>
public sealed record InboxCall(string Kind, CommandContext Context, string Text);

/// <summary>
/// Stands in for the core: records every call and answers like it would. Clicks follow the answer
/// desk's rules in miniature (unknown question, wrong channel, closed, recorded once per person),
/// so the tests can check that the adapter passes the right user and channel and relays the verdict.
/// </summary>
public sealed class RecordingInbox : IChatInbox
{
    private readonly Channel<InboxCall> _feed = Channel.CreateUnbounded<InboxCall>();
    private readonly ConcurrentDictionary<(string User, long Post), int> _answers = new();

    /// <summary>Answers the fake recorded, in order (user, post).</summary>
    public ConcurrentQueue<(string User, long Post)> Recorded { get; } = new();

    public ConcurrentQueue<InboxCall> Calls { get; } = new();

    /// <summary>Daily posts the fake knows: post id → channel it was posted in.</summary>
    public Dictionary<long, string> Posts { get; } = new() { [1] = "chan-1" };

    public HashSet<long> ClosedPosts { get; } = [];

    /// <summary>How long the core takes to answer (to exercise the 3 s deferral).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Completes work only when set (to hold a handler while the gateway keeps going).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public IReadOnlyList<string> Topics { get; set; } = Enumerable.Range(1, 40).Select(i => $"Topic {i}").ToList();

    public async Task<InboxCall> NextCallAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(5));
        return await _feed.Reader.ReadAsync(timeout.Token);
    }

    public async Task<ChatReply> HandleCommandAsync(CommandContext context, string commandLine, CancellationToken cancellationToken)
    {
        Record("command", context, commandLine);
        await WorkAsync(cancellationToken);
        return new ChatReply(ChatMessage.Text($"reply to {commandLine}", context.Language == Core.Content.Language.Ko ? "한국어" : "english"),
            commandLine.StartsWith("stats", StringComparison.Ordinal));
    }

    public async Task<ChatReply> HandleButtonAsync(CommandContext context, string buttonId, CancellationToken cancellationToken)
    {
        Record("button", context, buttonId);
        await WorkAsync(cancellationToken);
        if (!ButtonIds.TryParse(buttonId, out var action) || action is not ButtonAction.DailyAnswer daily)
            return ChatReply.Private("Unknown choice", "nothing recorded");
        if (!Posts.TryGetValue(daily.PostId, out var channel)) return ChatReply.Private("Unknown question", "nothing recorded");
        if (channel != context.Channel.ChannelId) return ChatReply.Private("Wrong channel", "nothing recorded");
        if (ClosedPosts.Contains(daily.PostId)) return ChatReply.Private("Question closed", "nothing recorded");
        if (!_answers.TryAdd((context.User.UserId, daily.PostId), daily.Choice))
            return ChatReply.Private("Already answered", "only your first answer counts");
        Recorded.Enqueue((context.User.UserId, daily.PostId));
        return ChatReply.Private("Answer recorded", $"choice {daily.Choice}");
    }

    public IReadOnlyList<string> CompleteTopic(ChannelAddress channel, string partial, int limit)
    {
        Record("complete", new CommandContext(channel, new ChatUser("discord", "?", "?"), false, Core.Content.Language.En), partial);
        return Topics.Where(t => t.Contains(partial, StringComparison.OrdinalIgnoreCase)).Take(limit).ToList();
    }

    private void Record(string kind, CommandContext context, string text)
    {
        var call = new InboxCall(kind, context, text);
        Calls.Enqueue(call);
        _feed.Writer.TryWrite(call);
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
    }
}
