using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Health;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Suggestions;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

/// <summary>The core's inbound port: routes commands to their handlers and clicks to the answer desks.</summary>
public sealed class StudyInbox(
    IEnumerable<IStudyCommand> commands,
    AnswerDesk answers,
    PracticeDesk practice,
    ReviewDesk reviews,
    SuggestionDesk suggestions,
    ContentCatalog catalog,
    ILogger<StudyInbox> logger) : IChatInbox
{
    /// <summary>The command a reminder's "Start review" button runs.</summary>
    public const string ReviewCommandName = "review";

    private readonly Dictionary<string, IStudyCommand> _commands = commands.ToDictionary(c => c.Spec.Name, StringComparer.Ordinal);

    private static ChatReply InPlaceOfTheReminder(ChatReply reply) => reply.Ephemeral ? reply with { ReplacesClicked = true } : reply;

    public async Task<ChatReply> HandleCommandAsync(CommandContext context, string commandLine, CancellationToken cancellationToken)
    {
        var command = CommandLine.Parse(commandLine);
        var language = context.Language;
        if (!_commands.TryGetValue(command.Name, out var handler))
        {
            var name = context.Command(TextCut.ToLength(command.Name, 40));
            return new ChatReply(HelpCommand.Build(context) with
            {
                Title = Say.In(language, $"I don't know \"{name}\"", $"\"{name}\" 명령은 없어요"),
            }, true);
        }
        if (handler.Spec.AdminOnly && !context.IsAdmin)
            return ChatReply.Private(Say.In(language, "Admins only", "관리자 전용"),
                Say.In(language, $"{context.Command(handler.Spec.Usage().TrimStart('/'))} is for people who can manage this channel.",
                    $"{context.Command(handler.Spec.Usage().TrimStart('/'))} 는 채널 관리자만 쓸 수 있어요."));
        if (!CommandBinder.TryBind(handler.Spec, command, context, out var args, out var error))
            return error;

        using var timing = StudyMetrics.TimeCommand(handler.Spec.Name);
        try
        {
            return await handler.RunAsync(context, args, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            return Unavailable(language);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Command {Command} failed in channel {Channel}.", command.Name, context.Channel);
            return Failed(language);
        }
    }

    public async Task<ChatReply> HandleButtonAsync(CommandContext context, string buttonId, CancellationToken cancellationToken)
    {
        if (!ButtonIds.TryParse(buttonId, out var action))
        {
            logger.LogWarning("Ignored a click with an unknown button id in channel {Channel}.", context.Channel);
            return AnswerDesk.InvalidChoice(context.Language);
        }
        using var timing = StudyMetrics.TimeCommand("button");
        try
        {
            return action switch
            {
                ButtonAction.DailyAnswer daily => await answers.AnswerAsync(context, daily, cancellationToken),
                ButtonAction.PracticeAnswer practiced => await practice.AnswerAsync(context, practiced, cancellationToken),
                ButtonAction.ReviewAnswer reviewed => await reviews.AnswerAsync(context, reviewed, cancellationToken),
                ButtonAction.Regrade regrade => await reviews.RegradeAsync(context, regrade, cancellationToken),
                // The reminder's button does what typing the command does, and the review takes the reminder's place.
                ButtonAction.StartReview => InPlaceOfTheReminder(await HandleCommandAsync(context, ReviewCommandName, cancellationToken)),
                ButtonAction.ReviewSuggestion review => await suggestions.ReviewAsync(context, review, cancellationToken),
                ButtonAction.ResendSuggestion resend => suggestions.Resend(context, resend),
                _ => AnswerDesk.InvalidChoice(context.Language),
            };
        }
        catch (StorageUnavailableException)
        {
            return Unavailable(context.Language);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Click {Button} failed in channel {Channel}.", buttonId, context.Channel);
            return Failed(context.Language);
        }
    }

    public async Task<FormReply> HandleFormAsync(CommandContext context, string formId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (!FormIds.TryParse(formId, out var purpose))
        {
            logger.LogWarning("Ignored a form with an unknown id in channel {Channel}.", context.Channel);
            return FormReply.Accepted(ChatReply.Private(Say.In(context.Language, "Unknown form", "알 수 없는 양식"),
                Say.In(context.Language, "This form is not one StudyBot knows; nothing was saved.", "알 수 없는 양식이라 저장하지 않았어요.")));
        }
        using var timing = StudyMetrics.TimeCommand("form");
        try
        {
            return await suggestions.SubmitAsync(context, purpose, values, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            return FormReply.Accepted(Unavailable(context.Language));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Form {Form} failed in channel {Channel}.", formId, context.Channel);
            return FormReply.Accepted(Failed(context.Language));
        }
    }

    public IReadOnlyList<string> CompleteTopic(ChannelAddress channel, string partial, int limit)
    {
        // Autocomplete must answer fast and without I/O: the default pack serves channels not seen yet.
        var pack = catalog.Default;
        if (pack is null) return [];
        if (string.IsNullOrWhiteSpace(partial))
            return pack.Topics.Take(limit).Select(t => t.Title.Get(Language.En)).ToList();
        return pack.TopicIndex.Search(partial, limit).Select(m => m.MatchedName).ToList();
    }

    // StorageOutage has logged the outage once; a log line per refused request would flood it.
    private static ChatReply Unavailable(Language language) =>
        ChatReply.Private(Say.In(language, "Database unavailable", "데이터베이스 연결 끊김"),
            Say.In(language, "The database is not reachable right now; try again in a moment.",
                "지금 데이터베이스에 연결할 수 없어요. 잠시 후 다시 시도해 주세요."));

    private static ChatReply Failed(Language language) =>
        ChatReply.Private(Say.In(language, "Something went wrong", "문제가 생겼어요"),
            Say.In(language, "That did not work; nothing was recorded. Please try again in a moment.", "처리하지 못했어요(기록되지 않음). 잠시 후 다시 시도해 주세요."));
}
