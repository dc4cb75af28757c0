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

    /// <summary>Replaces a reply whose file Discord refused (too large, or the upload failed), so the member still hears why.</summary>
    public static ChatMessage FileNotSent(Language language, string fileName) =>
        ChatMessage.Text(Say.In(language, "File not sent", "파일을 보내지 못했어요"),
            Say.In(language, $"Discord did not accept the file {fileName}, so it is not attached. Nothing was changed; please try again later.",
                $"Discord가 {fileName} 파일을 받지 않아 첨부하지 못했어요. 바뀐 것은 없어요. 잠시 후 다시 시도해 주세요."));

    /// <summary>A form the core answered with too late (or to a submitted modal): Discord opens a modal only as the first, prompt response.</summary>
    public static ChatReply FormTooLate(Language language) =>
        ChatReply.Private(Say.In(language, "Please try again", "다시 시도해 주세요"),
            Say.In(language, "The form could not open in time. Nothing was saved; please run the command or press the button again.",
                "양식을 제때 열지 못했어요. 저장된 것은 없어요. 명령이나 버튼을 다시 눌러 주세요."));

    public static ChatReply Unsupported(Language language) =>
        ChatReply.Private(Say.In(language, "Not supported", "지원하지 않아요"),
            Say.In(language, "StudyBot does not handle this here. Try /help.", "여기서는 처리할 수 없어요. /help 를 써 보세요."));
}
