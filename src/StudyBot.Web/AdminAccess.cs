using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace StudyBot.Web;

/// <summary>
/// Who may see what: the health endpoints are open (orchestrators probe without credentials);
/// everything else, /metrics included, answers loopback callers and callers with the admin token.
/// A request that came through a proxy (X-Forwarded-For) counts as remote even when the proxy
/// itself connects from loopback, so a reverse proxy on the same machine cannot open the pages.
/// </summary>
public sealed class AdminAccess(string? adminToken)
{
    public const string HealthPrefix = "/healthz";

    private readonly byte[]? _tokenHash = string.IsNullOrEmpty(adminToken) ? null : Hash(adminToken);

    public bool Allows(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(HealthPrefix, StringComparison.OrdinalIgnoreCase)) return true;
        if (IsLocal(context)) return true;
        return _tokenHash is not null && BearerToken(context.Request) is { } presented
            && CryptographicOperations.FixedTimeEquals(Hash(presented), _tokenHash);
    }

    private static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For");

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    // Hashing first gives both sides the same length, so FixedTimeEquals leaks neither the token nor its length.
    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
