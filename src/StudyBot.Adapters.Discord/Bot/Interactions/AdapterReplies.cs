using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Text;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>The few replies the adapter gives itself, when the core could not be asked or did not answer.</summary>
internal static class AdapterReplies
{
    public static ChatReply Failed(Language language) =>
        ChatReply.Private(Say.In(language, "Something went wrong", "문제가 생겼어요"),
            Say.In(language, "That did not work. Please try again in a moment.", "처리하지 못했어요. 잠시 후 다시 시도해 주세요."));

    /// <summary>Replaces the private "thinking…" when the real answer went to the channel as a follow-up.</summary>
    public static ChatMessage PostedForEveryone(Language language) =>
        ChatMessage.Text(Say.In(language, "Done", "완료"), Say.In(language, "Posted below for everyone.", "아래에 모두에게 게시했어요."));

    public static ChatReply Unsupported(Language language) =>
        ChatReply.Private(Say.In(language, "Not supported", "지원하지 않아요"),
            Say.In(language, "StudyBot does not handle this here. Try /help.", "여기서는 처리할 수 없어요. /help 를 써 보세요."));
}
