using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class StudyNowCommand(IChannelStore channels, DailyQuestions daily) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study now", "지금", "Post today's question now", "오늘의 문제 지금 올리기", [], AdminOnly: true);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        var (outcome, _) = await daily.PostAsync(channel.Id, scheduled: false, cancellationToken);
        return outcome switch
        {
            DailyPostOutcome.Posted => ChatReply.Private(Say.In(language, "Posted", "올렸어요"), Say.In(language, "Today's question is up.", "오늘의 문제를 올렸어요.")),
            DailyPostOutcome.AlreadyPosted => ChatReply.Private(Say.In(language, "Already posted", "이미 올렸어요"),
                Say.In(language, $"Today's question is already posted here: one a day. {context.Command("quiz")} gives extra practice.", $"오늘의 문제는 이미 올렸어요(하루 한 문제). 더 풀고 싶다면 {context.Command("quiz")}")),
            DailyPostOutcome.NotSetUp => ChatReply.Private(Say.In(language, "Not set up", "설정 필요"),
                Say.In(language, "Set this channel up first: /study setup 09:00 Asia/Seoul", "먼저 채널을 설정하세요: /study setup 09:00 Asia/Seoul")),
            _ => ChatReply.Private(Say.In(language, "No questions", "문제 없음"), Say.In(language, "The channel's pack has no questions.", "이 채널의 팩에 문제가 없어요.")),
        };
    }
}
