using StudyBot.Core.Content;

namespace StudyBot.Core.Text;

/// <summary>Picks the English or Korean wording of a bot message. Keeping both at the call site keeps them in step.</summary>
public static class Say
{
    public static string In(Language language, string en, string ko) => language == Language.Ko ? ko : en;
}
