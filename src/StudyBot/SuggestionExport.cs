using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using StudyBot.Content;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Suggestions;

namespace StudyBot;

/// <summary>
/// <c>studybot content export-suggestions --channel &lt;id&gt; [--out file]</c>: a channel's approved
/// member-written questions as a question file in the pack format, so a group can commit them to its
/// pack. The questions are the ones the bot posts (the same check builds them), and <c>content check</c>
/// accepts the file once it sits in the pack's <c>questions/</c> folder. It reads the database the bot
/// writes: the SQLite file or PostgreSQL, as StudyBot:Storage:Provider says.
/// </summary>
public static class SuggestionExport
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        string? channel = null, file = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--channel" when i + 1 < args.Length: channel = args[++i]; break;
                case "--out" when i + 1 < args.Length: file = args[++i]; break;
                case "--channel" or "--out":
                    errors.WriteLine($"{args[i]} needs a value: studybot content export-suggestions --channel <channel id> [--out file]");
                    return 2;
                default: settings.Add(args[i]); break;
            }
        }
        if (channel is null)
        {
            errors.WriteLine("Name the channel: studybot content export-suggestions --channel <channel id> [--out file] (the platform's channel id, e.g. 123456789012345678 or slack:C0123ABCD).");
            return 2;
        }
        var configuration = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            { Args = [.. settings], ContentRootPath = AppContext.BaseDirectory }).Configuration;
        var content = configuration[$"{ContentOptions.Section}:Path"] is { Length: > 0 } c ? c : new ContentOptions().Path;
        StorageSettings storage;
        try
        {
            storage = StorageSettings.From(configuration);
        }
        catch (InvalidOperationException e)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
        return await RunAsync(content, storage, channel, file, output, errors);
    }

    public static async Task<int> RunAsync(string contentPath, StorageSettings storage, string channelText, string? outFile, TextWriter output, TextWriter errors)
    {
        await using var source = await SuggestionSource.OpenAsync(storage, errors);
        if (source is null) return 1;
        var found = await source.FindChannelsAsync(channelText, CancellationToken.None);
        if (found.Count != 1)
        {
            errors.WriteLine(found.Count == 0
                ? $"No channel '{channelText}' in {source.Name}. Use the platform's channel id (or platform:id)."
                : $"'{channelText}' names {found.Count} channels ({string.Join(", ", found.Select(f => $"{f.Platform}:{f.ExternalId}"))}); add the platform, e.g. {found[0].Platform}:{found[0].ExternalId}.");
            return 1;
        }
        var channel = found[0];
        var loaded = ContentLoader.Load(contentPath);
        var catalog = new ContentCatalog(loaded.Packs);
        var approved = await source.Suggestions.ListAsync(channel.Id, SuggestionStatus.Approved, CancellationToken.None);
        var questions = SuggestionPool.Build(channel.Id, catalog.ForChannel(channel.PackId), approved).Questions;

        var yaml = Render(questions, $"{channel.Platform}:{channel.ExternalId}");
        if (outFile is null) output.Write(yaml);
        else
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(outFile));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(outFile, yaml, new UTF8Encoding(false));
            output.WriteLine($"Wrote {questions.Count} approved question(s) to {Path.GetFullPath(outFile)}.");
        }
        if (questions.Count == 0) errors.WriteLine($"Channel {channel.Platform}:{channel.ExternalId} has no approved suggestions yet; the file lists none.");
        if (questions.Any(q => q.TopicId == SuggestionCheck.MemberTopicId))
            errors.WriteLine($"Some questions name no topic of the pack and use '{SuggestionCheck.MemberTopicId}': add a topic with that id to the pack or change their 'topic:' before 'content check'.");
        return 0;
    }

    public static string Render(IReadOnlyList<Question> questions, string channel)
    {
        var yaml = new StringBuilder()
            .Append("# Member-written questions approved in StudyBot for channel ").Append(channel).Append('\n')
            .Append("# (studybot content export-suggestions). Put this file in content/<pack>/questions/ and run\n")
            .Append("# 'studybot content check content/<pack>'.\n")
            .Append("questions:");
        if (questions.Count == 0) return yaml.Append(" []\n").ToString();
        yaml.Append('\n');
        foreach (var question in questions)
        {
            yaml.Append("  # written by ").Append(Flat(question.WrittenBy ?? "?")).Append('\n');
            yaml.Append("  - id: ").Append(question.Id).Append('\n');
            yaml.Append("    topic: ").Append(Quote(question.TopicId)).Append('\n');
            yaml.Append("    kind: ").Append(question.Kind switch { QuestionKind.ChooseTwo => "choose-two", QuestionKind.TrueFalse => "true-false", _ => "single" }).Append('\n');
            yaml.Append("    prompt: ").Append(Localized(question.Prompt)).Append('\n');
            if (question.Kind != QuestionKind.TrueFalse)
            {
                yaml.Append("    choices:\n");
                foreach (var choice in question.Choices) yaml.Append("      - ").Append(Localized(choice)).Append('\n');
            }
            var answer = question.Kind == QuestionKind.TrueFalse
                ? (question.CorrectChoices.Contains(0) ? "true" : "false")
                : string.Join(", ", question.CorrectChoices.Order().Select(i => Question.Letter(i).ToString(CultureInfo.InvariantCulture)));
            yaml.Append("    answer: ").Append(question.Kind == QuestionKind.ChooseTwo ? $"[{answer}]" : answer).Append('\n');
            yaml.Append("    explanation: ").Append(Localized(question.Explanation)).Append('\n');
        }
        return yaml.ToString();
    }

    // A flow mapping of JSON strings: valid YAML whatever the text holds (quotes, colons, '#', line breaks).
    private static string Localized(LocalizedText text)
    {
        var parts = new List<string>();
        if (text.En is { Length: > 0 } en) parts.Add("en: " + Quote(en));
        if (text.Ko is { Length: > 0 } ko) parts.Add("ko: " + Quote(ko));
        return "{ " + string.Join(", ", parts) + " }";
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);

    private static string Flat(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}
