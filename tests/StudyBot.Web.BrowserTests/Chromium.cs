using Microsoft.Playwright;

namespace StudyBot.Web.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright, one browser for the test run. Playwright never downloads a
/// browser here: it is pointed at <see cref="ExecutablePath"/>, and a missing one fails the tests with
/// the install command rather than skipping them, so CI cannot pass without a real browser.
/// </summary>
public sealed class Chromium : IAsyncLifetime, IDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: install it with 'apt-get install -y chromium' (.ci/run does this in CI).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true });
    }

    /// <summary>A fresh browser context (own cookies) with a first page, in <paramref name="locale"/> (sent as Accept-Language).</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new() { Locale = locale, ViewportSize = new() { Width = 1280, Height = 900 } });
        // Waits, not time limits on the pages: on a loaded 2-core CI machine the first page (JIT, Chromium start) can take more than Playwright's 30 s.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
    }

    /// <summary>After <see cref="DisposeAsync"/> (xunit calls both): stops Playwright's driver once the browser is closed.</summary>
    public void Dispose() => _playwright?.Dispose();
}
