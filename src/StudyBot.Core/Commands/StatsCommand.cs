using System.Globalization;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class StatsCommand(IChannelStore channels, IUserStore users, IStatsQueries stats, ContentCatalog catalog) : IStudyCommand, ICommandDefinition
{
    private const int MinAnswersForWeakTopic = 1;

    public static CommandSpec Definition { get; } = new("stats", "내기록", "Your answers, accuracy, streaks and weakest topics", "내 기록: 정답률, 연속 정답, 약한 주제", []);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        var userId = await users.GetOrAddAsync(context.User, cancellationToken);
        var record = await stats.UserStatsAsync(channel.Id, userId, cancellationToken);
        var pack = catalog.ForChannel(channel.PackId);

        var accuracy = record.Answered == 0 ? "-" : $"{Math.Round(100.0 * record.Correct / record.Answered)}%";
        var weakest = record.Topics
            .Where(t => t.Answered >= MinAnswersForWeakTopic && t.Correct < t.Answered)
            .OrderBy(t => t.Accuracy).ThenByDescending(t => t.Answered).Take(3)
            .Select(t => $"{pack?.FindTopic(t.TopicId)?.Title.Get(language) ?? t.TopicId} ({t.Correct}/{t.Answered})")
            .ToList();
        var n = (int value) => value.ToString(CultureInfo.InvariantCulture);
        var message = new ChatMessage(
            Say.In(language, $"Stats for {context.User.DisplayName}", $"{context.User.DisplayName}님의 기록"),
            Say.In(language, "Daily questions in this channel; practice only shapes weak topics.", "이 채널의 오늘의 문제 기준이에요. 연습 문제는 약한 주제에만 반영돼요."),
            [
                new(Say.In(language, "Answered", "답한 문제"), n(record.Answered)),
                new(Say.In(language, "Accuracy", "정답률"), accuracy),
                new(Say.In(language, "Points", "점수"), n(record.Points)),
                new(Say.In(language, "Current streak", "현재 연속 정답"), n(record.CurrentStreak)),
                new(Say.In(language, "Best streak", "최고 연속 정답"), n(record.BestStreak)),
                new(Say.In(language, "Weakest topics", "약한 주제"), weakest.Count == 0 ? "-" : string.Join(", ", weakest)),
            ],
            []);
        return new ChatReply(message, true);
    }
}
