using System.Text;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

/// <summary><c>/export [all]</c>: the member's cards that need work (or all of them) as an Anki import file, privately.</summary>
public sealed class ExportCommand(IUserStore users, IReviewStore reviews, UnrevealedAnswers unrevealed, ContentCatalog catalog) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("export", "내보내기", "Your missed and still-learning cards as an Anki file (all: every card)", "틀렸거나 익히는 중인 카드를 Anki 파일로 (전체: 모든 카드)",
        [new("scope", "범위", ParameterKind.Choice, "Missed and learning cards (default) or all", "틀렸거나 익히는 중인 카드(기본) 또는 전체",
            Choices: [new ParameterChoice("all", "전체")])]);

    public CommandSpec Spec => Definition;

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var all = args.Text("scope") == "all";
        var userId = await users.GetOrAddAsync(context.User, cancellationToken);
        // A card of an open daily question would carry its answer, and whether it is "missed" tells the click.
        var held = await unrevealed.OpenAsync(cancellationToken);
        var cards = held.Without(await reviews.CardsAsync(userId, cancellationToken))
            .Where(c => all || MemorySummary.NeedsWork(c))
            .Select(c => catalog.Find(c.PackId) is { } pack && pack.FindQuestion(c.QuestionId) is { } q ? (q, pack)
                : catalog.FindQuestionPack(c.QuestionId) is { } other ? (other.FindQuestion(c.QuestionId)!, other) : default)
            .Where(c => c.Item1 is not null)
            .ToList();
        if (cards.Count == 0)
            return ChatReply.Private(Say.In(language, "Nothing to export", "내보낼 카드 없음"),
                all ? Say.In(language, "You have no review cards yet: answer a few questions first.", "아직 복습 카드가 없어요. 먼저 문제에 답해 보세요.")
                    : Say.In(language, $"None of your cards is missed or still learning. {context.Command("export all")} exports every card.",
                        $"틀렸거나 익히는 중인 카드가 없어요. 모든 카드는 {context.Command("export all")}로 내보내세요."));
        var text = AnkiExport.Text(cards, language, "StudyBot");
        var file = new ChatFile(all ? "studybot-all.txt" : "studybot-review.txt", AnkiExport.MediaType, Encoding.UTF8.GetBytes(text));
        return new ChatReply(ChatMessage.Text(Say.In(language, "Anki export", "Anki 내보내기"),
            Say.In(language, $"{cards.Count} {(cards.Count == 1 ? "card" : "cards")}. In Anki: File → Import, pick this file; it needs no settings.",
                $"카드 {cards.Count}개. Anki에서 파일 → 가져오기로 이 파일을 고르면 설정 없이 들어가요.")), true, File: file);
    }
}
