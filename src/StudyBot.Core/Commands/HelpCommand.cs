using System.Text;
using StudyBot.Core.Chat;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

public sealed class HelpCommand : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("help", "도움말", "Show what I can do", "사용법 보기", []);

    public CommandSpec Spec => Definition;

    public Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken) =>
        Task.FromResult(new ChatReply(Build(context), true));

    public static ChatMessage Build(CommandContext context)
    {
        var language = context.Language;
        var body = new StringBuilder(Say.In(language,
            "I post one question a day; click a button to answer. Answers are revealed when the question closes.\n\n",
            "매일 한 문제를 올려요. 버튼을 눌러 답하세요. 문제가 마감되면 정답이 공개돼요.\n\n"));
        foreach (var spec in CommandSpecs.All.Where(s => !s.AdminOnly || context.IsAdmin))
            body.Append("**").Append(context.Command(spec.Usage().TrimStart('/'))).Append("** — ").Append(Say.In(language, spec.DescriptionEn, spec.DescriptionKo)).Append('\n');
        return ChatMessage.Text(Say.In(language, "StudyBot help", "StudyBot 도움말"), body.ToString().TrimEnd());
    }
}
