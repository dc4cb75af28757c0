using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Common;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;

namespace StudyBot.Adapters.Console;

/// <summary>
/// The console's inbound side: reads lines, runs commands, turns letters into button presses.
/// Works on a terminal and on piped input; the end of input stops the bot cleanly.
/// </summary>
public sealed class ConsoleChatService(
    ConsoleTerminal terminal,
    ConsoleButtons buttons,
    ConsoleForms forms,
    IChatInbox inbox,
    IChatAdapterRegistry adapters,
    ConsoleActivation activation,
    IOptions<ConsoleChatOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ConsoleChatService> logger) : BackgroundService
{
    private ChatUser _user = Person(options.Value.UserName);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!activation.IsOn) return Task.CompletedTask;
        adapters.Started(ConsoleChatPlatform.PlatformName);
        adapters.Connected(ConsoleChatPlatform.PlatformName); // a terminal has no connection to lose
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (scheduler, other adapters) before the first prompt.
        await Task.Yield();
        terminal.Write($"StudyBot console · channel #{options.Value.ChannelId} · you are {_user.DisplayName}. Type /help, /as <name> to switch user, /quit to leave.\n");
        while (!stoppingToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                // WaitAsync: a blocked terminal read must not hold up shutdown on Ctrl-C.
                line = await terminal.Input.ReadLineAsync(stoppingToken).AsTask().WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (line is null || line.Trim() is "/quit" or "/exit") break;
            await HandleLineAsync(line.Trim(), stoppingToken);
        }
        lifetime.StopApplication();
    }

    private async Task HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        if (line.Length == 0) return;
        var context = new CommandContext(new ChannelAddress(ConsoleChatPlatform.PlatformName, options.Value.ChannelId), _user, IsAdmin: true,
            Languages.FromLocale(options.Value.Language));
        try
        {
            if (line.StartsWith("/as", StringComparison.OrdinalIgnoreCase) && (line.Length == 3 || char.IsWhiteSpace(line[3])))
            {
                var name = line[3..].Trim();
                if (name.Length == 0) terminal.Write("Usage: /as <name>\n");
                else terminal.Write($"You are now {(_user = Person(name)).DisplayName}.\n");
            }
            else if (line.StartsWith('/'))
            {
                await ShowAsync(context, await inbox.HandleCommandAsync(context, line, cancellationToken), cancellationToken);
            }
            else if (line.Length <= 5 && line.All(char.IsAsciiLetter))
            {
                foreach (var letter in line)
                {
                    if (buttons.Press(letter) is not { } buttonId)
                    {
                        terminal.Write($"No answer button '{char.ToUpperInvariant(letter)}' is open right now.\n");
                        break;
                    }
                    await ShowAsync(context, await inbox.HandleButtonAsync(context, buttonId, cancellationToken), cancellationToken);
                }
            }
            else
            {
                terminal.Write("Commands start with '/' (try /help); answer a question by typing its letter, e.g. B.\n");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The console could not handle a line.");
            terminal.Write("That did not work; see the log.\n");
        }
    }

    private async Task ShowAsync(CommandContext context, ChatReply reply, CancellationToken cancellationToken)
    {
        if (reply.Form is not { } form)
        {
            Show(reply);
            return;
        }
        // A refused form asks again for only the fields it named, keeping everything else as typed.
        var values = await forms.FillAsync(form, null, null, cancellationToken);
        while (values is not null)
        {
            var answer = await inbox.HandleFormAsync(context, form.Id, values, cancellationToken);
            if (!answer.Refused)
            {
                Show(answer.Reply);
                return;
            }
            foreach (var (field, error) in answer.FieldErrors)
                terminal.Write($"✗ {form.Fields.FirstOrDefault(f => f.Id == field)?.Label ?? field}: {error}\n");
            values = await forms.FillAsync(form, values, answer.FieldErrors.Keys.ToList(), cancellationToken);
        }
        terminal.Write("The form was left unfinished; nothing was sent.\n");
    }

    private void Show(ChatReply reply)
    {
        // A replacing reply's buttons take the old ones' place; with none, the old message can no longer be answered by letter.
        if (reply.ReplacesClicked) buttons.Replace(reply.Message.Buttons);
        else buttons.Offer(null, reply.Message.Buttons);
        var heading = reply.Ephemeral ? $"only {_user.DisplayName} sees this" : "reply";
        terminal.Write(ConsoleRenderer.Render(reply.Message, reply.ReplacesClicked ? heading + " · updated" : heading));
        if (reply.File is { } file) terminal.Write($"File written: {ConsoleFiles.Write(options.Value.ExportFolder, file)}\n");
    }

    private static ChatUser Person(string name)
    {
        var trimmed = name.Length > 64 ? name[..64] : name;
        return new ChatUser(ConsoleChatPlatform.PlatformName, trimmed.ToLowerInvariant(), trimmed);
    }
}
