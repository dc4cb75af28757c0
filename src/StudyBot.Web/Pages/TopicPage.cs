using StudyBot.Core.Content;
using StudyBot.Core.Study;

namespace StudyBot.Web.Pages;

/// <summary>
/// <c>/topics/{pack}/{topic}</c>: the topic card <c>/topic</c> replies with (<see cref="StudyCards.TopicCard"/>),
/// its "see also" from the same search: the query the reader came with, else the topic's own title.
/// </summary>
internal static class TopicPage
{
    public static Markup? Render(PageContext page, string packId, string topicId)
    {
        if (page.Service<ContentCatalog>().Find(packId) is not { } pack || pack.FindTopic(topicId) is not { } topic) return null;
        var query = page.Query("q") ?? topic.Title.Get(page.Language);
        var others = pack.TopicIndex.Search(query, 4).Where(m => m.Topic.Id != topic.Id).Take(3).ToList();
        var card = StudyCards.TopicCard(topic, others, page.Language);
        return Html.Of($"""
            {ChatMessageHtml.Render(card, "topic")}
            <p><a href="/topics">{page.Say("All topics", "모든 주제")}</a> · {pack.Title.Get(page.Language)}</p>
            """);
    }
}
