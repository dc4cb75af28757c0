using Microsoft.AspNetCore.Http;
using StudyBot.Core.Content;

namespace StudyBot.Web.Pages;

/// <summary>
/// The page language: <c>?lang=ko|en</c> when given (then remembered in a cookie), else that cookie,
/// else the browser's Accept-Language (the first of English or Korean by quality), else English.
/// </summary>
public static class PageLanguage
{
    public const string Cookie = "studybot-lang";
    public const string Parameter = "lang";

    public static Language Resolve(HttpContext context)
    {
        var request = context.Request;
        if (Languages.TryParse(request.Query[Parameter], out var chosen))
        {
            context.Response.Cookies.Append(Cookie, chosen.Code(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = request.IsHttps,
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
            return chosen;
        }
        if (Languages.TryParse(request.Cookies[Cookie], out var remembered)) return remembered;
        return FromAcceptLanguage(request);
    }

    private static Language FromAcceptLanguage(HttpRequest request)
    {
        var wanted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1) // stable: equal weights keep the browser's order
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(v => v.StartsWith("ko", StringComparison.OrdinalIgnoreCase) || v.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return Languages.FromLocale(wanted);
    }

    /// <summary>"?lang=ko&amp;…": this page in the other language, its other query parameters kept.</summary>
    public static string SwitchTo(HttpRequest request, Language language) =>
        QueryString.Create(
            new[] { new KeyValuePair<string, string?>(Parameter, language.Code()) }
                .Concat(request.Query.Where(p => !p.Key.Equals(Parameter, StringComparison.OrdinalIgnoreCase))
                    .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))))
            .ToUriComponent();
}
