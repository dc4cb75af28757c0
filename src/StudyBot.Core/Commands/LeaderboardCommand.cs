using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Core.Commands;

public sealed class LeaderboardCommand(IChannelStore channels, Leaderboards leaderboards, TimeProvider clock) : IStudyCommand, ICommandDefinition
{
    private const string Week = "week";
    private const string All = "all";

    public static CommandSpec Definition { get; } = new("leaderboard", "순위", "This week's or the all-time leaderboard", "주간 또는 전체 순위",
        [new("scope", "범위", ParameterKind.Choice, "This week (default) or all time", "이번 주(기본) 또는 전체",
            Choices: [new(Week, "주간", "weekly"), new(All, "전체", "alltime", "all-time")])]);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var scope = args.Text("scope") == All ? LeaderboardScope.AllTime : LeaderboardScope.Week;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        var board = await leaderboards.BuildAsync(channel, scope, clock.GetUtcNow(), context.Language, cancellationToken);
        return ChatReply.Public(board);
    }
}
