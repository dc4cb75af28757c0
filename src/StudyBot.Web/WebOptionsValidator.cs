using Microsoft.Extensions.Options;

namespace StudyBot.Web;

/// <summary>Refuses to start on a URL Kestrel cannot read, or on one beyond loopback without an admin token.</summary>
public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var urls = WebUrls.Split(options.Urls);
        if (urls.FirstOrDefault(u => WebUrls.Host(u) is null) is { } unreadable)
            return ValidateOptionsResult.Fail($"{WebOptions.Setting(nameof(WebOptions.Urls))} has \"{unreadable}\", which is not an http:// or https:// URL with a host (e.g. http://127.0.0.1:8080).");
        if (urls.FirstOrDefault(u => !WebUrls.IsLoopback(u)) is { } open && (options.AdminToken?.Trim().Length ?? 0) < WebOptions.MinimumTokenLength)
            return ValidateOptionsResult.Fail($"{WebOptions.Setting(nameof(WebOptions.Urls))} listens beyond this machine ({open}): set {WebOptions.Setting(nameof(WebOptions.AdminToken))} to a secret of at least {WebOptions.MinimumTokenLength} characters, or bind to 127.0.0.1.");
        return ValidateOptionsResult.Success;
    }
}
