using System.Globalization;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class StatsCommand(
    IChannelStore channels, IUserStore users, IStatsQueries stats, IReviewStore reviews, CardReviews scheduling, UnrevealedAnswers unrevealed, ContentCatalog catalog,
    TimeProvider clock)
    : IStudyCommand, ICommandDefinition
{
    private const int MinAnswersForWeakTopic = 1;

    public static CommandSpec Definition { get; } = new("stats", "내기록", "Your answers, accuracy, streaks, weakest topics and memory", "내 기록: 정답률, 연속 정답, 약한 주제, 기억", []);

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
        var memory = await MemoryFieldsAsync(language, channel, userId, pack, cancellationToken);
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
                .. memory,
            ],
            []);
        return new ChatReply(message, true);
    }

    /// <summary>Review cards: by maturity, due today, 30-day retention and the topics with the lowest predicted recall now.</summary>
    private async Task<IReadOnlyList<MessageField>> MemoryFieldsAsync(Language language, ChannelSettings channel, long userId, ContentPack? pack, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Cards of questions removed from the packs are left out, as everywhere; so are answers not revealed yet.
        var all = (await reviews.CardsAsync(userId, cancellationToken)).Where(c => catalog.FindQuestionPack(c.QuestionId) is not null).ToList();
        var held = await unrevealed.OpenAsync(cancellationToken);
        var cards = held.Without(all);
        var summary = MemorySummary.Of(cards, scheduling.Scheduler, now);
        var zone = Study.TimeZones.FindOrUtc(channel.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var endOfDay = new DateTimeOffset(local.Date.AddDays(1), local.Offset);
        var dueToday = cards.Count(c => c.Memory.Due < endOfDay);
        var since = now.AddDays(-30);
        var recall = held.Without(await reviews.RecallSinceAsync(userId, since, cancellationToken), all, since);
        var retention = recall.Reviewed == 0 ? "-" : $"{Math.Round(100.0 * recall.Recalled / recall.Reviewed)}% ({recall.Recalled}/{recall.Reviewed})";
        var topics = summary.TopicRecall.Take(3)
            .Select(t => $"{pack?.FindTopic(t.TopicId)?.Title.Get(language) ?? t.TopicId} {Math.Round(100 * t.Recall)}%").ToList();
        var n = (int value) => value.ToString(CultureInfo.InvariantCulture);
        return
        [
            new(Say.In(language, "Review cards", "복습 카드"),
                Say.In(language, $"{n(summary.Learning)} learning · {n(summary.Young)} young · {n(summary.Mature)} mature",
                    $"학습 중 {n(summary.Learning)} · 초기 {n(summary.Young)} · 장기 {n(summary.Mature)}")),
            new(Say.In(language, "Due today", "오늘 복습"), n(dueToday)),
            new(Say.In(language, "Retention (30 days)", "기억률 (30일)"), retention),
            new(Say.In(language, "Predicted recall, weakest first", "예상 기억률 (낮은 순)"), topics.Count == 0 ? "-" : string.Join(", ", topics)),
        ];
    }
}
