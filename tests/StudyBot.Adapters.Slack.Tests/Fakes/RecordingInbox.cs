using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests.Fakes;

/// <summary>An inbox that records what the adapter passed in and answers with canned replies (optionally late).</summary>
public sealed class RecordingInbox : IChatInbox
{
    public Recorded<(CommandContext Context, string Line)> Commands { get; } = new();

    public Recorded<(CommandContext Context, string ButtonId)> Clicks { get; } = new();

    public Func<CommandContext, string, Task<ChatReply>> OnCommand { get; set; } =
        (_, line) => Task.FromResult(ChatReply.Private("Done", $"ran **{line}**"));

    public Func<CommandContext, string, Task<ChatReply>> OnClick { get; set; } =
        (_, _) => Task.FromResult(ChatReply.Private("Answer recorded", "Your answer A is in."));

    public async Task<ChatReply> HandleCommandAsync(CommandContext context, string commandLine, CancellationToken cancellationToken)
    {
        Commands.Add((context, commandLine));
        return await OnCommand(context, commandLine);
    }

    public async Task<ChatReply> HandleButtonAsync(CommandContext context, string buttonId, CancellationToken cancellationToken)
    {
        Clicks.Add((context, buttonId));
        return await OnClick(context, buttonId);
    }

    public IReadOnlyList<string> CompleteTopic(ChannelAddress channel, string partial, int limit) => [];
}
