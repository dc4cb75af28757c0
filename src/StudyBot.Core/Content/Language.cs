namespace StudyBot.Core.Content;

/// <summary>The languages content and replies are written in.</summary>
public enum Language
{
    En,
    Ko,
}

public static class Languages
{
    /// <summary>Maps a platform locale ("ko", "ko-KR", "en-US") to a content language; English otherwise.</summary>
    public static Language FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("ko", StringComparison.OrdinalIgnoreCase) ? Language.Ko : Language.En;

    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "en": language = Language.En; return true;
            case "ko": language = Language.Ko; return true;
            default: language = Language.En; return false;
        }
    }

    public static string Code(this Language language) => language == Language.Ko ? "ko" : "en";
}
