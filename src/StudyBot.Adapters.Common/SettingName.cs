namespace StudyBot.Adapters.Common;

/// <summary>How an error message names a setting: both the configuration key and its environment variable.</summary>
public static class SettingName
{
    /// <summary>"StudyBot:Slack:BotToken (environment StudyBot__Slack__BotToken)".</summary>
    public static string Of(string section, string key) =>
        $"{section}:{key} (environment {section.Replace(":", "__", StringComparison.Ordinal)}__{key})";
}
