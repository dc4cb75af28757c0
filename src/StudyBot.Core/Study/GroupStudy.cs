using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Study;

/// <summary>
/// The group-study extras around a daily post: the study-group mention, the discussion thread, the pin, and the
/// reveal's summary in the thread. None of them can stop the post or the reveal: a refusal is logged, and a missing
/// permission is told once, privately, to the admin who last changed the channel's settings.
/// </summary>
public sealed class GroupStudy(IChannelStore channels, ChatPlatforms platforms, ILogger<GroupStudy> logger)
{
    /// <summary>Discord's limit on a thread name.</summary>
    public const int ThreadNameLimit = 100;

    /// <summary>The daily post as the channel wants it: mentioning its study group, pointing to the thread.</summary>
    public static ChatMessage Decorate(ChatMessage post, ChannelSettings channel, Language language) =>
        post with
        {
            Body = channel.ThreadEnabled ? post.Body + "\n\n" + Say.In(language, "💬 Discuss in the thread.", "💬 스레드에서 이야기해요.") : post.Body,
            MentionGroupId = channel.PingGroupId,
        };

    /// <summary>"EBS · 2026-12-07": the topic cut so the date always fits in Discord's 100 characters.</summary>
    public static string ThreadName(string? topicTitle, DateOnly localDate, Language language)
    {
        var date = " · " + localDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var title = string.IsNullOrWhiteSpace(topicTitle) ? Say.In(language, "Question of the day", "오늘의 문제") : topicTitle.Trim();
        return TextCut.ToLength(title, ThreadNameLimit - date.Length) + date;
    }

    public async Task AfterPostAsync(ChannelSettings channel, string messageId, string threadName, Language language, CancellationToken cancellationToken)
    {
        var platform = platforms.Get(channel.Address.Platform);
        if (channel.ThreadEnabled)
        {
            var opened = await TryAsync("open a thread", channel, () => platform.OpenThreadAsync(channel.Address.ChannelId, messageId, threadName, cancellationToken));
            await NoticeIfMissingAsync(channel, GroupNotices.Thread, opened, language, cancellationToken);
        }
        if (channel.PinEnabled) await PinAsync(channel, messageId, pinned: true, language, cancellationToken);
    }

    public async Task AfterCloseAsync(ChannelSettings channel, string messageId, ChatMessage summary, Language language, CancellationToken cancellationToken)
    {
        var platform = platforms.Get(channel.Address.Platform);
        if (channel.ThreadEnabled)
        {
            var posted = await TryAsync("post the summary in the thread", channel, () => platform.PostInThreadAsync(channel.Address.ChannelId, messageId, summary, cancellationToken));
            await NoticeIfMissingAsync(channel, GroupNotices.Thread, posted, language, cancellationToken);
        }
        if (channel.PinEnabled) await PinAsync(channel, messageId, pinned: false, language, cancellationToken);
    }

    /// <summary>Pins or unpins one post (also when <c>/study pin</c> changes while a question is open).</summary>
    public async Task<ChatActionResult> PinAsync(ChannelSettings channel, string messageId, bool pinned, Language language, CancellationToken cancellationToken)
    {
        var platform = platforms.Get(channel.Address.Platform);
        var result = await TryAsync(pinned ? "pin the post" : "unpin the post", channel, () => platform.SetPinnedAsync(channel.Address.ChannelId, messageId, pinned, cancellationToken));
        await NoticeIfMissingAsync(channel, GroupNotices.Pin, result, language, cancellationToken);
        return result;
    }

    private async Task<ChatActionResult> TryAsync(string what, ChannelSettings channel, Func<Task<ChatActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An extra never costs the post: the question is out, so the failure is only logged.
            logger.LogWarning(e, "Could not {What} in channel {Channel}; the daily question is not affected.", what, channel.Address);
            return ChatActionResult.NotSupported;
        }
    }

    private async Task NoticeIfMissingAsync(ChannelSettings channel, GroupNotices feature, ChatActionResult result, Language language, CancellationToken cancellationToken)
    {
        if (result.Status != ChatActionStatus.MissingPermission) return;
        logger.LogWarning("The bot lacks {Needed} in channel {Channel}, so it could not use the {Feature} setting there.", result.Needed, channel.Address, feature);
        // Read again: the flag is per channel, and a post and a reveal may both find the same permission missing.
        var current = await channels.FindAsync(channel.Id, cancellationToken) ?? channel;
        if (current.NoticesSent.HasFlag(feature) || current.AdminUserId is not { } admin) return;
        await channels.UpdateAsync(current with { NoticesSent = current.NoticesSent | feature }, cancellationToken);

        var (en, ko) = feature == GroupNotices.Thread
            ? ("discussion threads (/study thread)", "토론 스레드(/study thread)")
            : ("pinning the daily question (/study pin)", "오늘의 문제 고정(/study pin)");
        var notice = ChatMessage.Text(Say.In(language, "StudyBot needs a permission", "StudyBot에 권한이 필요해요"),
            Say.In(language,
                $"In channel {channel.Address.ChannelId}, {en} needs **{result.Needed}** for the bot. The daily question still goes out; grant it and run the setting again. This notice is sent once.",
                $"{channel.Address.ChannelId} 채널에서 {ko}을(를) 쓰려면 봇에 **{result.Needed}** 권한이 필요해요. 오늘의 문제는 그대로 올라가요. 권한을 준 뒤 설정을 다시 실행하세요. 이 안내는 한 번만 보내요."));
        try
        {
            await platforms.Get(channel.Address.Platform).SendDirectAsync(admin, notice, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not tell the admin of channel {Channel} about the missing {Needed}.", channel.Address, result.Needed);
        }
    }
}
