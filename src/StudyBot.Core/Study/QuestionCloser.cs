using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Study;

/// <summary>Closes a daily question and turns its message into the reveal: answer, explanation, results.</summary>
public sealed class QuestionCloser(
    IChannelStore channels,
    IPostStore posts,
    ContentCatalog catalog,
    ChatPlatforms platforms,
    GroupStudy group,
    TimeProvider clock,
    ILogger<QuestionCloser> logger)
{
    /// <returns><c>false</c> when the post is unknown or was closed already (the reveal happens once).</returns>
    public async Task<bool> CloseAsync(long postId, CancellationToken cancellationToken)
    {
        if (await posts.FindAsync(postId, cancellationToken) is not { } post) return false;
        if (!await posts.CloseAsync(postId, clock.GetUtcNow(), cancellationToken)) return false;

        var channel = await channels.FindAsync(post.ChannelId, cancellationToken)
            ?? throw new InvalidOperationException($"Post {postId} belongs to channel {post.ChannelId}, which is not stored.");
        var pack = catalog.Find(post.PackId) ?? catalog.ForChannel(channel.PackId);
        if (pack?.FindQuestion(post.QuestionId) is not { } question)
        {
            logger.LogWarning("Closed post {Post}, but question {Question} is no longer loaded: no reveal posted.", postId, post.QuestionId);
            return true;
        }

        var results = await posts.ResultsAsync(postId, cancellationToken);
        var reveal = StudyCards.Reveal(question, pack.FindTopic(question.TopicId), results, pack.Language);
        var platform = platforms.Get(channel.Address.Platform);
        if (post.MessageId is { } messageId)
        {
            await platform.EditAsync(channel.Address.ChannelId, messageId, reveal, cancellationToken);
            await group.AfterCloseAsync(channel, messageId, StudyCards.RevealSummary(question, results, pack.Language), pack.Language, cancellationToken);
        }
        else
            await platform.PostAsync(channel.Address.ChannelId, reveal, cancellationToken);
        logger.LogInformation("Closed post {Post} in channel {Channel}: {Answered} answered, {Correct} correct.", postId, channel.Address, results.Answered, results.Correct);
        return true;
    }
}
