using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Study;

public enum DailyPostOutcome
{
    Posted,
    AlreadyPosted,
    MissedDayPassed,
    NotSetUp,
    NoQuestions,
}

/// <summary>
/// Posts a channel's question of the day. The post is reserved in storage (one per channel and
/// local date) before anything is sent, so a restart, a misfire or <c>/study now</c> racing the
/// trigger can never post twice.
/// </summary>
public sealed class DailyQuestions(
    IChannelStore channels,
    IPostStore posts,
    ContentCatalog catalog,
    ChatPlatforms platforms,
    IStudySchedule schedule,
    IOptions<StudyOptions> options,
    TimeProvider clock,
    ILogger<DailyQuestions> logger)
{
    /// <param name="scheduledFor">The trigger's planned fire time; a late fire posts only on the same local day. Null for <c>/study now</c>.</param>
    public async Task<(DailyPostOutcome Outcome, Post? Post)> PostAsync(long channelId, DateTimeOffset? scheduledFor, CancellationToken cancellationToken)
    {
        var channel = await channels.FindAsync(channelId, cancellationToken);
        if (channel is not { Enabled: true }) return (DailyPostOutcome.NotSetUp, null);

        var zone = TimeZones.FindOrUtc(channel.TimeZoneId);
        var now = clock.GetUtcNow();
        var today = TimeZones.LocalDate(now, zone);
        if (scheduledFor is { } planned && TimeZones.LocalDate(planned, zone) != today)
        {
            logger.LogInformation("Skipping the question planned for {Planned} in channel {Channel}: that local day is over.", planned, channel.Address);
            return (DailyPostOutcome.MissedDayPassed, null);
        }

        if (catalog.ForChannel(channel.PackId) is not { } pack) return (DailyPostOutcome.NoQuestions, null);
        var history = await posts.PostedQuestionIdsAsync(channelId, cancellationToken);
        if (DailyQuestionPicker.Pick(pack, history, Random.Shared) is not { } question) return (DailyPostOutcome.NoQuestions, null);

        var (post, created) = await posts.ReserveAsync(
            new NewPost(channelId, pack.Id, question.Id, today, now, now + options.Value.AnswerWindow), cancellationToken);
        if (!created) return (DailyPostOutcome.AlreadyPosted, post);

        // Scheduled before sending: if the process dies mid-post, the close still happens.
        await schedule.ScheduleCloseAsync(post.Id, post.ClosesAt, cancellationToken);
        var message = StudyCards.DailyQuestion(post, question, pack.FindTopic(question.TopicId), pack.Language, zone);
        var messageId = await platforms.Get(channel.Address.Platform).PostAsync(channel.Address.ChannelId, message, cancellationToken);
        await posts.SetMessageIdAsync(post.Id, messageId, cancellationToken);
        logger.LogInformation("Posted question {Question} in channel {Channel} (post {Post}).", question.Id, channel.Address, post.Id);
        return (DailyPostOutcome.Posted, post with { MessageId = messageId });
    }
}
