namespace StudyBot.Web.Pages;

/// <summary>The stylesheet, embedded in the assembly: served by the app itself, so the CSP can say <c>style-src 'self'</c> and nothing else.</summary>
internal static class StaticFiles
{
    public static string Stylesheet { get; } = Read("StudyBot.Web.Pages.Static.site.css");

    private static string Read(string name)
    {
        using var stream = typeof(StaticFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
