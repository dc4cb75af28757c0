using System.Net;
using System.Text.RegularExpressions;

namespace StudyBot.Web;

/// <summary>Reads Kestrel URLs (<c>http://127.0.0.1:8080;http://[::1]:8080</c>) well enough to tell loopback from the rest.</summary>
public static partial class WebUrls
{
    public static IReadOnlyList<string> Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The host part, or null when <paramref name="url"/> is not an http(s) URL Kestrel could bind.</summary>
    public static string? Host(string url) => UrlShape().Match(url) is { Success: true } m ? m.Groups["host"].Value : null;

    /// <summary>Only "localhost" and loopback addresses; wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>) and names listen beyond this machine.</summary>
    public static bool IsLoopback(string url) => Host(url) is { } host
        && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    /// <summary>The same URL with a wildcard host replaced by 127.0.0.1, for a probe from inside the machine or container.</summary>
    public static string ForLocalProbe(string url)
    {
        var host = Host(url);
        var local = host is "*" or "+" or "0.0.0.0" or "[::]" ? "127.0.0.1" : host;
        return host is null ? url : url.Replace("//" + host, "//" + local, StringComparison.Ordinal).TrimEnd('/');
    }

    [GeneratedRegex(@"^https?://(?<host>\[[^\]]+\]|[^/:\[\]]+)(:\d+)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlShape();
}
