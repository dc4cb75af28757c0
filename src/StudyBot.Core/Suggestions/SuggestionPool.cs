using Microsoft.Extensions.Hosting;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Suggestions;

/// <summary>
/// Keeps each channel's approved suggestions in the catalog as that channel's member pack, so the daily
/// pick, answers, reveals, reviews and stats treat them as pack questions. Rebuilt whole for a channel
/// whenever one of its suggestions is approved; read for every channel at start.
/// </summary>
public sealed class SuggestionPool(ISuggestionStore store, IChannelStore channels, ContentCatalog catalog) : IHostedService
{
    public static string PackId(long channelId) => $"suggested-{channelId}";

    public static string QuestionId(long suggestionId) => $"suggested-{suggestionId}";

    /// <summary>The channel's member pack, or null while none of its suggestions is approved.</summary>
    public ContentPack? For(long channelId) => catalog.Find(PackId(channelId));

    public async Task RefreshAsync(long channelId, CancellationToken cancellationToken)
    {
        var approved = await store.ListAsync(channelId, SuggestionStatus.Approved, cancellationToken);
        await UseAsync(channelId, approved, cancellationToken);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in (await store.ListApprovedAsync(cancellationToken)).GroupBy(s => s.ChannelId))
            await UseAsync(channel.Key, channel.ToList(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task UseAsync(long channelId, IReadOnlyList<Suggestion> approved, CancellationToken cancellationToken)
    {
        var channel = await channels.FindAsync(channelId, cancellationToken);
        var channelPack = catalog.ForChannel(channel?.PackId);
        catalog.UseMemberPack(Build(channelId, channelPack, approved));
    }

    /// <summary>The member pack: in the channel pack's language (its posts' wording), each question in its writer's.</summary>
    public static ContentPack Build(long channelId, ContentPack? channelPack, IEnumerable<Suggestion> approved)
    {
        var questions = new List<Question>();
        foreach (var suggestion in approved)
        {
            var id = QuestionId(suggestion.Id);
            // A topic the pack has since dropped leaves the question under the member topic rather than out.
            var question = SuggestionCheck.Check(suggestion.Draft, channelPack, id, suggestion.Author.DisplayName).Question
                ?? SuggestionCheck.Check(suggestion.Draft with { Topic = "" }, channelPack, id, suggestion.Author.DisplayName).Question;
            if (question is not null) questions.Add(question);
        }
        var topics = questions.Select(q => q.TopicId).Distinct(StringComparer.Ordinal)
            .Select(t => channelPack?.FindTopic(t) ?? SuggestionCheck.MemberTopic).DistinctBy(t => t.Id).ToList();
        var language = channelPack?.Language ?? Language.En;
        return new ContentPack(PackId(channelId), LocalizedText.Both("Member-written questions", "멤버가 낸 문제"), language, topics, questions);
    }
}
