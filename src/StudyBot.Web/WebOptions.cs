namespace StudyBot.Web;

/// <summary>The web endpoint (<c>StudyBot:Web</c>): off unless <see cref="Urls"/> is set.</summary>
public sealed class WebOptions
{
    public const string Section = "StudyBot:Web";

    /// <summary>Where Kestrel listens, Kestrel's syntax, several separated by ';' (e.g. <c>http://127.0.0.1:8080</c>). Empty: no web endpoint.</summary>
    public string? Urls { get; set; }

    /// <summary>The bearer token callers off loopback must send; required when any URL is not loopback. Never logged.</summary>
    public string? AdminToken { get; set; }

    public const int MinimumTokenLength = 16;

    public static string Setting(string name) => $"{Section}:{name}";
}
