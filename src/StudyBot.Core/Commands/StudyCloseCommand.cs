using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class StudyCloseCommand(IChannelStore channels, IPostStore posts, QuestionCloser closer) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study close", "마감", "Close today's question now and reveal the answer", "오늘의 문제를 지금 마감하고 정답 공개", [], AdminOnly: true);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        var open = await posts.FindOpenAsync(channel.Id, cancellationToken);
        if (open is null || !await closer.CloseAsync(open.Id, cancellationToken))
            return ChatReply.Private(Say.In(context.Language, "Nothing open", "열린 문제 없음"),
                Say.In(context.Language, "There is no open question in this channel.", "이 채널에 열려 있는 문제가 없어요."));
        return ChatReply.Private(Say.In(context.Language, "Closed", "마감했어요"),
            Say.In(context.Language, "The answer is revealed.", "정답을 공개했어요."));
    }
}
