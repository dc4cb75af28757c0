using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StudyBot.Web.Pages;

/// <summary>The operator's pages, one renderer each; every page reads the bot's ports through the host's services.</summary>
public static class PageEndpoints
{
    public static void MapStudyPages(this IEndpointRouteBuilder endpoints, IServiceProvider host)
    {
        endpoints.MapGet("/", (HttpContext http) => Page(http, host, p => p.Page("StudyBot", IndexPage.Render(p))));
        endpoints.MapGet("/channels", Task<IResult> (HttpContext http) => PageAsync(http, host, async p => p.Page(p.Say("Channels", "채널"), await ChannelsPage.RenderAsync(p))));
        endpoints.MapGet("/channels/{id}", (HttpContext http, string id) => PageAsync(http, host, async p =>
            long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var channelId)
                && await ChannelPage.RenderAsync(p, channelId) is { } body
                ? p.Page(p.Say("Channel", "채널") + " " + id, body)
                : p.NotFound(p.Say($"There is no channel {id}.", $"{id} 채널이 없어요."))));
        endpoints.MapGet("/questions", Task<IResult> (HttpContext http) => PageAsync(http, host, async p =>
            await QuestionsPage.RenderAsync(p) is { } body
                ? p.Page(p.Say("Questions", "문제"), body)
                : p.NotFound(p.Say($"No loaded pack is called \"{p.Query("pack")}\".", $"\"{p.Query("pack")}\"라는 팩이 없어요."))));
        endpoints.MapGet("/topics", (HttpContext http) => Page(http, host, p => p.Page(p.Say("Topics", "주제"), TopicsPage.Render(p))));
        endpoints.MapGet("/topics/{pack}/{topic}", (HttpContext http, string pack, string topic) => Page(http, host, p =>
            TopicPage.Render(p, pack, topic) is { } body
                ? p.Page(p.Say("Topic", "주제"), body)
                : p.NotFound(p.Say($"There is no topic {topic} in pack {pack}.", $"{pack} 팩에 {topic} 주제가 없어요."))));
        endpoints.MapGet(Layout.StylesheetPath, () => Results.Text(StaticFiles.Stylesheet, "text/css; charset=utf-8"));
        endpoints.MapFallback((HttpContext http) => Page(http, host, p => p.NotFound(p.Say("There is no page here.", "여기에는 페이지가 없어요."))));
    }

    private static IResult Page(HttpContext http, IServiceProvider host, Func<PageContext, IResult> render) => render(new PageContext(http, host));

    private static Task<IResult> PageAsync(HttpContext http, IServiceProvider host, Func<PageContext, Task<IResult>> render) => render(new PageContext(http, host));
}
