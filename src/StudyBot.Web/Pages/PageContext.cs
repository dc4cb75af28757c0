using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Content;

namespace StudyBot.Web.Pages;

/// <summary>One page request: the HTTP side, the language chosen for it and the bot's services to read from.</summary>
internal sealed class PageContext(HttpContext http, IServiceProvider host)
{
    public HttpContext Http { get; } = http;
    public Language Language { get; } = PageLanguage.Resolve(http);
    public HttpRequest Request => Http.Request;
    public CancellationToken Aborted => Http.RequestAborted;

    public T Service<T>() where T : notnull => host.GetRequiredService<T>();

    public string Say(string en, string ko) => Core.Text.Say.In(Language, en, ko);

    public string? Query(string name) => Request.Query[name] is { Count: > 0 } values && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;

    /// <summary>The page as HTML in the shared layout.</summary>
    public IResult Page(string title, Markup body, int status = StatusCodes.Status200OK) =>
        Results.Content(Layout.Render(this, title, body).Value, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    public IResult NotFound(string message) =>
        Page(Say("Not found", "찾을 수 없어요"), Html.Of($"<h1>{Say("Not found", "찾을 수 없어요")}</h1><p id=\"not-found\">{message}</p><p><a href=\"/\">{Say("Back to the start", "처음으로")}</a></p>"),
            StatusCodes.Status404NotFound);
}
