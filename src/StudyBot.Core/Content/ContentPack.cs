namespace StudyBot.Core.Content;

/// <summary>A loaded, validated pack: topics and questions under one id.</summary>
public sealed class ContentPack
{
    private readonly Dictionary<string, Topic> _topics;
    private readonly Dictionary<string, Question> _questions;

    public ContentPack(string id, LocalizedText title, Language language, IEnumerable<Topic> topics, IEnumerable<Question> questions)
    {
        Id = id;
        Title = title;
        Language = language;
        Topics = topics.ToList();
        Questions = questions.ToList();
        _topics = Topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _questions = Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        TopicIndex = new TopicIndex(Topics);
    }

    public string Id { get; }
    public LocalizedText Title { get; }
    public Language Language { get; }
    public IReadOnlyList<Topic> Topics { get; }
    public IReadOnlyList<Question> Questions { get; }
    public TopicIndex TopicIndex { get; }

    public Topic? FindTopic(string id) => _topics.GetValueOrDefault(id);
    public Question? FindQuestion(string id) => _questions.GetValueOrDefault(id);
}
