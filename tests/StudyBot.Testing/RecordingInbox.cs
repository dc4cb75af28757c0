using System.Collections.Concurrent;
using System.Threading.Channels;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;

namespace StudyBot.Testing;

/// <summary>One call an adapter made into the core.</summary>
public sealed record InboxCall(string Kind, CommandContext Context, string Text)
{
    public const string Command = "command";
    public const string Button = "button";
    public const string Complete = "complete";
}

/// <summary>
/// Stands in for the core: records every call an adapter makes and answers like the core would.
/// By default, clicks follow the answer desk's rules in miniature (unknown question, wrong channel,
/// closed, recorded once per person), so tests can check that the adapter passes the right user and
/// channel and relays the verdict; <see cref="OnCommand"/> and <see cref="OnClick"/> replace the
/// canned answers when a test needs its own (a late reply, a particular card).
/// </summary>
public sealed class RecordingInbox : IChatInbox
{
    private readonly Channel<InboxCall> _feed = Channel.CreateUnbounded<InboxCall>();
    private readonly ConcurrentDictionary<(string User, long Post), int> _answers = new();

    /// <summary>Every call, in order.</summary>
    public Recorded<InboxCall> Calls { get; } = new();

    public Recorded<(CommandContext Context, string Line)> Commands { get; } = new();

    public Recorded<(CommandContext Context, string ButtonId)> Clicks { get; } = new();

    /// <summary>Answers the built-in click handling recorded, in order (user, post).</summary>
    public ConcurrentQueue<(string User, long Post)> RecordedAnswers { get; } = new();

    /// <summary>Daily posts the fake knows: post id → channel it was posted in.</summary>
    public Dictionary<long, string> Posts { get; } = new() { [1] = "chan-1" };

    public HashSet<long> ClosedPosts { get; } = [];

    /// <summary>How long the core takes to answer (to exercise a platform's acknowledgement deadline).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Completes work only when set (to hold a handler while the adapter keeps going).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Replaces the canned command reply.</summary>
    public Func<CommandContext, string, Task<ChatReply>>? OnCommand { get; set; }

    /// <summary>Replaces the built-in click handling.</summary>
    public Func<CommandContext, string, Task<ChatReply>>? OnClick { get; set; }

    public IReadOnlyList<string> Topics { get; set; } = Enumerable.Range(1, 40).Select(i => $"Topic {i}").ToList();

    /// <summary>The next call not yet taken by this method, in order.</summary>
    public async Task<InboxCall> NextCallAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(5));
        return await _feed.Reader.ReadAsync(timeout.Token);
    }

    public async Task<ChatReply> HandleCommandAsync(CommandContext context, string commandLine, CancellationToken cancellationToken)
    {
        Record(InboxCall.Command, context, commandLine);
        Commands.Add((context, commandLine));
        await WorkAsync(cancellationToken);
        if (OnCommand is { } onCommand) return await onCommand(context, commandLine);
        return new ChatReply(ChatMessage.Text($"reply to {commandLine}", context.Language == Language.Ko ? "한국어" : "english"),
            commandLine.StartsWith("stats", StringComparison.Ordinal));
    }

    public async Task<ChatReply> HandleButtonAsync(CommandContext context, string buttonId, CancellationToken cancellationToken)
    {
        Record(InboxCall.Button, context, buttonId);
        Clicks.Add((context, buttonId));
        await WorkAsync(cancellationToken);
        if (OnClick is { } onClick) return await onClick(context, buttonId);
        if (!ButtonIds.TryParse(buttonId, out var action) || action is not ButtonAction.DailyAnswer daily)
            return ChatReply.Private("Unknown choice", "nothing recorded");
        if (!Posts.TryGetValue(daily.PostId, out var channel)) return ChatReply.Private("Unknown question", "nothing recorded");
        if (channel != context.Channel.ChannelId) return ChatReply.Private("Wrong channel", "nothing recorded");
        if (ClosedPosts.Contains(daily.PostId)) return ChatReply.Private("Question closed", "nothing recorded");
        if (!_answers.TryAdd((context.User.UserId, daily.PostId), daily.Choice))
            return ChatReply.Private("Already answered", "only your first answer counts");
        RecordedAnswers.Enqueue((context.User.UserId, daily.PostId));
        return ChatReply.Private("Answer recorded", $"choice {daily.Choice}");
    }

    public IReadOnlyList<string> CompleteTopic(ChannelAddress channel, string partial, int limit)
    {
        Record(InboxCall.Complete, new CommandContext(channel, new ChatUser(channel.Platform, "?", "?"), false, Language.En), partial);
        return Topics.Where(t => t.Contains(partial, StringComparison.OrdinalIgnoreCase)).Take(limit).ToList();
    }

    private void Record(string kind, CommandContext context, string text)
    {
        var call = new InboxCall(kind, context, text);
        Calls.Add(call);
        _feed.Writer.TryWrite(call);
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
    }
}
