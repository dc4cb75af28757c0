using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Content;
using StudyBot.Core;

namespace StudyBot.Content;

public static class ContentSetup
{
    /// <summary>Loads the packs once at start. Bad files are logged and skipped; no valid pack at all stops the start.</summary>
    public static IHostApplicationBuilder AddStudyContent(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ContentOptions>(ContentOptions.Section);
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<ContentOptions>>().Value;
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("StudyBot.Content");
            return LoadCatalog(options, logger);
        });
        return builder;
    }

    public static ContentCatalog LoadCatalog(ContentOptions options, ILogger logger)
    {
        var result = ContentLoader.Load(options.Path);
        foreach (var error in result.Errors) logger.LogWarning("Content error: {Error}", error);
        foreach (var file in result.SkippedFiles.Distinct()) logger.LogWarning("Skipped {File} because of the error above.", file);
        if (result.Packs.Count == 0)
            throw new InvalidOperationException(
                $"No valid content pack in '{Path.GetFullPath(options.Path)}' (setting StudyBot:Content:Path). " +
                $"Run 'studybot content check {options.Path}' to see every error.");
        foreach (var pack in result.Packs)
            logger.LogInformation("Loaded pack {Pack}: {Topics} topics, {Questions} questions.", pack.Id, pack.Topics.Count, pack.Questions.Count);
        if (options.DefaultPack is { Length: > 0 } wanted && result.Packs.All(p => p.Id != wanted))
            throw new InvalidOperationException($"StudyBot:Content:DefaultPack is '{wanted}', but the loaded packs are: {string.Join(", ", result.Packs.Select(p => p.Id))}.");
        return new ContentCatalog(result.Packs, options.DefaultPack);
    }
}
