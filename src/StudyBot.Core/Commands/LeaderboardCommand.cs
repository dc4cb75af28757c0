using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class LeaderboardCommand(IChannelStore channels, Leaderboards leaderboards, TimeProvider clock) : IStudyCommand
{
    public CommandSpec Spec => CommandSpecs.Leaderboard;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandLine command, CancellationToken cancellationToken)
    {
        LeaderboardScope? scope = command.Arg(0)?.ToLowerInvariant() switch
        {
            null or "week" or "weekly" or "주간" => LeaderboardScope.Week,
            "all" or "alltime" or "all-time" or "전체" => LeaderboardScope.AllTime,
            _ => null,
        };
        if (scope is null)
            return ChatReply.Private(Say.In(context.Language, "Which board?", "어떤 순위요?"),
                Say.In(context.Language, $"Usage: {context.Command("leaderboard [week|all]")}", $"사용법: {context.Command("leaderboard [week|all]")}"));

        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        var board = await leaderboards.BuildAsync(channel, scope.Value, clock.GetUtcNow(), context.Language, cancellationToken);
        return ChatReply.Public(board);
    }
}
