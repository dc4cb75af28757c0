using Microsoft.Playwright;

namespace StudyBot.Web.BrowserTests;

/// <summary>Full-page screenshots under the test output (bin/.../screenshots/), copied by hand to docs/screenshots for the README.</summary>
internal static class Screenshots
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<string> TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
