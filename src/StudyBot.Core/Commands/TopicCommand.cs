using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class TopicCommand(IChannelStore channels, ContentCatalog catalog) : IStudyCommand
{
    public CommandSpec Spec => CommandSpecs.Topic;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandLine command, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var query = command.Rest;
        if (string.IsNullOrWhiteSpace(query))
            return ChatReply.Private(Say.In(language, "Which topic?", "어떤 주제요?"), Say.In(language, $"Usage: {context.Command("topic <query>")}, e.g. {context.Command("topic ebs")}", $"사용법: {context.Command("topic <검색어>")} (예: {context.Command("topic ebs")})"));

        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        if (catalog.ForChannel(channel.PackId) is not { } pack)
            return ChatReply.Private(Say.In(language, "No content", "콘텐츠 없음"), Say.In(language, "No pack is loaded.", "불러온 팩이 없어요."));

        var matches = pack.TopicIndex.Search(query, 4);
        if (matches.Count > 0)
            return new ChatReply(StudyCards.TopicCard(matches[0].Topic, matches.Skip(1).ToList(), language), false);

        var suggestions = pack.TopicIndex.Suggest(query, 3).Select(s => s.Topic.Title.Get(language)).ToList();
        var hint = suggestions.Count == 0 ? "" : Say.In(language, $" Did you mean: {string.Join(", ", suggestions)}?", $" 혹시 이것인가요: {string.Join(", ", suggestions)}?");
        return ChatReply.Private(Say.In(language, "No topic found", "주제를 찾지 못했어요"),
            Say.In(language, $"Nothing matches \"{StudyCards.Truncate(query, 100)}\".{hint}", $"\"{StudyCards.Truncate(query, 100)}\"와 일치하는 주제가 없어요.{hint}"));
    }
}
