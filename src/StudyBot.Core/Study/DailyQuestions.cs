using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Health;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Core.Suggestions;

namespace StudyBot.Core.Study;

public enum DailyPostOutcome
{
    Posted,
    AlreadyPosted,
    MissedDayPassed,
    NotAStudyDay,
    NotSetUp,
    NoQuestions,
}

/// <summary>
/// Posts a channel's question of the day. The post is reserved in storage (one per channel and
/// local date) before anything is sent, so a restart, a misfire or <c>/study now</c> racing the
/// trigger can never post twice. A send cut off by a crash is finished by the scheduler's recovery run.
/// </summary>
public sealed class DailyQuestions(
    IChannelStore channels,
    IPostStore posts,
    ContentCatalog catalog,
    ChatPlatforms platforms,
    IStudySchedule schedule,
    GroupStudy group,
    IOptions<StudyOptions> options,
    TimeProvider clock,
    Random random,
    ILogger<DailyQuestions> logger)
{
    /// <summary>The slack a trigger may fire early by (clock skew) and still count as on time.</summary>
    public static readonly TimeSpan EarlyFireTolerance = TimeSpan.FromMinutes(1);

    /// <param name="scheduled">
    /// True when a trigger fires (possibly late, after downtime): it posts only if today's local post
    /// time has come, so a trigger missed yesterday never posts today's question early. False for
    /// <c>/study now</c>, which posts at once.
    /// </param>
    /// <param name="recovering">
    /// True when the scheduler re-runs a fire whose node died mid-run: today's post, reserved but never marked sent,
    /// is sent now (the platform finds the first attempt's message if it got that far). Any other run leaves such a
    /// post alone, since the run that reserved it may still be sending.
    /// </param>
    public async Task<(DailyPostOutcome Outcome, Post? Post)> PostAsync(long channelId, bool scheduled, CancellationToken cancellationToken,
        bool recovering = false)
    {
        var channel = await channels.FindAsync(channelId, cancellationToken);
        if (channel is not { Enabled: true }) return (DailyPostOutcome.NotSetUp, null);

        var zone = TimeZones.FindOrUtc(channel.TimeZoneId);
        var now = clock.GetUtcNow();
        var today = TimeZones.LocalDate(now, zone);
        if (scheduled && now + EarlyFireTolerance < TimeZones.At(today, channel.PostTime, zone))
        {
            logger.LogInformation("Skipping a late trigger in channel {Channel}: its day is over and today's post time has not come.", channel.Address);
            return (DailyPostOutcome.MissedDayPassed, null);
        }
        // A missed Friday post made up on Saturday would post on a day the channel chose to rest.
        if (scheduled && !channel.PostDays.Contains(today.DayOfWeek))
        {
            logger.LogInformation("Skipping a late trigger in channel {Channel}: today ({Day}) is not one of its study days.", channel.Address, today.DayOfWeek);
            return (DailyPostOutcome.NotAStudyDay, null);
        }

        if (recovering && await posts.FindOpenAsync(channelId, cancellationToken) is { MessageId: null } unsent
            && unsent.LocalDate == today && unsent.IsOpenAt(now))
            return await ResendAsync(channel, unsent, zone, cancellationToken);

        if (catalog.ForChannel(channel.PackId) is not { } channelPack) return (DailyPostOutcome.NoQuestions, null);
        // Approved member-written questions are picked like the pack's own.
        var members = catalog.Find(SuggestionPool.PackId(channelId));
        var history = await posts.PostedQuestionIdsAsync(channelId, cancellationToken);
        if (DailyQuestionPicker.Pick(Pool(channelPack, members), history, random) is not { } question) return (DailyPostOutcome.NoQuestions, null);
        var pack = members?.FindQuestion(question.Id) is not null ? members : channelPack;

        var (post, created) = await posts.ReserveAsync(
            new NewPost(channelId, pack.Id, question.Id, today, now, now + options.Value.AnswerWindow), cancellationToken);
        if (!created) return (DailyPostOutcome.AlreadyPosted, post);
        return await SendAsync(channel, post, pack, question, zone, resend: false, cancellationToken);
    }

    /// <summary>Finishes a post whose first send was cut off, with the question reserved for it.</summary>
    private async Task<(DailyPostOutcome, Post?)> ResendAsync(ChannelSettings channel, Post post, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (catalog.Find(post.PackId) is not { } pack || pack.FindQuestion(post.QuestionId) is not { } question)
        {
            logger.LogWarning("Post {Post} in channel {Channel} was cut off mid-send, but its question {Question} is no longer in pack {Pack}: it is not sent.",
                post.Id, channel.Address, post.QuestionId, post.PackId);
            return (DailyPostOutcome.NoQuestions, post);
        }
        logger.LogInformation("Finishing post {Post} in channel {Channel}: its first send was cut off.", post.Id, channel.Address);
        return await SendAsync(channel, post, pack, question, zone, resend: true, cancellationToken);
    }

    private async Task<(DailyPostOutcome, Post?)> SendAsync(ChannelSettings channel, Post post, ContentPack pack, Question question, TimeZoneInfo zone,
        bool resend, CancellationToken cancellationToken)
    {
        // Scheduled before sending: if the process dies mid-post, the close still happens. A resend finds it there already.
        await schedule.ScheduleCloseAsync(post.Id, post.ClosesAt, cancellationToken);
        var topic = pack.FindTopic(question.TopicId);
        var message = GroupStudy.Decorate(StudyCards.DailyQuestion(post, question, topic, pack.Language, zone), channel, pack.Language);
        var messageId = await platforms.Get(channel.Address.Platform).PostDailyAsync(
            channel.Address.ChannelId, message, new DailyPostSend(post.Id, post.OpensAt, resend), cancellationToken);
        StudyMetrics.PostsSent.Add(1, new KeyValuePair<string, object?>("platform", channel.Address.Platform));
        await posts.SetMessageIdAsync(post.Id, messageId, cancellationToken);
        await group.AfterPostAsync(channel, messageId, GroupStudy.ThreadName(topic?.Title.Get(pack.Language), post.LocalDate, pack.Language), pack.Language, cancellationToken);
        logger.LogInformation("Posted question {Question} in channel {Channel} (post {Post}).", question.Id, channel.Address, post.Id);
        return (DailyPostOutcome.Posted, post with { MessageId = messageId });
    }

    private static ContentPack Pool(ContentPack pack, ContentPack? members) =>
        members is not { Questions.Count: > 0 } ? pack
            : new ContentPack(pack.Id, pack.Title, pack.Language,
                pack.Topics.Concat(members.Topics.Where(t => pack.FindTopic(t.Id) is null)),
                pack.Questions.Concat(members.Questions));
}
