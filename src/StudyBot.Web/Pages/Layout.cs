using StudyBot.Core.Content;

namespace StudyBot.Web.Pages;

/// <summary>The frame around every page: language, stylesheet, navigation and the language switch.</summary>
internal static class Layout
{
    public const string StylesheetPath = "/static/site.css";

    public static Markup Render(PageContext page, string title, Markup body) => Html.Of($"""
        <!DOCTYPE html>
        <html lang="{page.Language.Code()}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{(title == "StudyBot" ? title : title + " · StudyBot")}</title>
        <link rel="stylesheet" href="{StylesheetPath}">
        </head>
        <body>
        <header>
        <nav id="site-nav"><a href="/">StudyBot</a> <a href="/channels">{page.Say("Channels", "채널")}</a> <a href="/questions">{page.Say("Questions", "문제")}</a> <a href="/topics">{page.Say("Topics", "주제")}</a></nav>
        <nav id="language-switch"><a id="lang-en" href="{PageLanguage.SwitchTo(page.Request, Language.En)}" hreflang="en">English</a> <a id="lang-ko" href="{PageLanguage.SwitchTo(page.Request, Language.Ko)}" hreflang="ko">한국어</a></nav>
        </header>
        <main>
        {body}
        </main>
        </body>
        </html>

        """);
}
