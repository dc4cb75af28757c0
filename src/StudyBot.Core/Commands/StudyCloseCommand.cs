using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class StudyCloseCommand(IChannelStore channels, IPostStore posts, QuestionCloser closer) : IStudyCommand
{
    public CommandSpec Spec => CommandSpecs.StudyClose;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandLine command, CancellationToken cancellationToken)
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
