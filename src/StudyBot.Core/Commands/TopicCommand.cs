using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class TopicCommand(IChannelStore channels, ContentCatalog catalog) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("topic", "주제", "Look a topic up (English or Korean)", "주제 찾아보기 (영어·한국어)",
        [new("query", "검색어", ParameterKind.Topic, "A topic name or alias, e.g. ebs", "주제 이름 또는 별칭 (예: ebs)", Required: true)]);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var query = args.Text("query")!;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        if (catalog.ForChannel(channel.PackId) is not { } pack)
            return ChatReply.Private(Say.In(language, "No content", "콘텐츠 없음"), Say.In(language, "No pack is loaded.", "불러온 팩이 없어요."));

        var matches = pack.TopicIndex.Search(query, 4);
        if (matches.Count > 0)
            return new ChatReply(StudyCards.TopicCard(matches[0].Topic, matches.Skip(1).ToList(), language), false);

        var suggestions = pack.TopicIndex.Suggest(query, 3).Select(s => s.Topic.Title.Get(language)).ToList();
        var hint = suggestions.Count == 0 ? "" : Say.In(language, $" Did you mean: {string.Join(", ", suggestions)}?", $" 혹시 이것인가요: {string.Join(", ", suggestions)}?");
        return ChatReply.Private(Say.In(language, "No topic found", "주제를 찾지 못했어요"),
            Say.In(language, $"Nothing matches \"{TextCut.ToLength(query, 100)}\".{hint}", $"\"{TextCut.ToLength(query, 100)}\"와 일치하는 주제가 없어요.{hint}"));
    }
}
