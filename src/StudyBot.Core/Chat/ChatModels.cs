using StudyBot.Core.Content;

namespace StudyBot.Core.Chat;

/// <summary>A channel on one chat platform ("console", "discord", "slack") and its id there.</summary>
public sealed record ChannelAddress(string Platform, string ChannelId)
{
    public override string ToString() => $"{Platform}:{ChannelId}";
}

/// <summary>A person as the platform knows them. <see cref="UserId"/> is stable; the name is for display.</summary>
public sealed record ChatUser(string Platform, string UserId, string DisplayName);

/// <summary>Who acts, where, in which language, and whether the platform says they may manage the channel.</summary>
/// <param name="CommandPrefix">How users type a command on this platform: "/" ("/quiz"), or "/study " on Slack, where
/// every command is a sub-command of /study ("/study quiz"). Replies use it whenever they mention a command.</param>
public sealed record CommandContext(ChannelAddress Channel, ChatUser User, bool IsAdmin, Language Language, string CommandPrefix = "/")
{
    /// <summary>A command as the user would type it here: "quiz" becomes "/quiz" or "/study quiz"; "study now" stays "/study now".</summary>
    public string Command(string text) =>
        text.StartsWith("study ", StringComparison.Ordinal) || text == "study" ? "/" + text : CommandPrefix + text;
}

/// <summary>A labelled field of a message (an embed field on Discord, a section on Slack).</summary>
public sealed record MessageField(string Name, string Value);

/// <summary>An answer button. <see cref="Id"/> is one of <see cref="ButtonIds"/>'s formats.</summary>
public sealed record ChatButton(string Id, string Label);

/// <summary>
/// A platform-neutral message: adapters render it as a Discord embed with buttons, Slack blocks,
/// or plain console text. Body text uses a small Markdown subset (**bold**, bullet lines).
/// No text in a message ever pings anyone; only <paramref name="MentionGroupId"/> does.
/// </summary>
/// <param name="MentionGroupId">The study group to notify with this message (a Discord role id, a Slack user group id):
/// adapters mention it and allow exactly that mention, nothing else.</param>
public sealed record ChatMessage(
    string Title,
    string Body,
    IReadOnlyList<MessageField> Fields,
    IReadOnlyList<ChatButton> Buttons,
    string? Footer = null,
    string? MentionGroupId = null)
{
    public static ChatMessage Text(string title, string body) => new(title, body, [], []);

    /// <summary>Plain text of the whole message, for platforms' notification fallbacks and the console.</summary>
    public string ToPlainText()
    {
        var lines = new List<string>();
        if (Title.Length > 0) lines.Add(Title);
        if (Body.Length > 0) lines.Add(Body);
        lines.AddRange(Fields.Select(f => $"{f.Name}: {f.Value}"));
        if (Footer is { Length: > 0 }) lines.Add(Footer);
        return string.Join('\n', lines);
    }
}

/// <summary>A file sent with a private reply (an Anki export): the adapter attaches it the platform's way.</summary>
public sealed record ChatFile(string FileName, string MediaType, byte[] Content);

/// <summary>The answer to a command or a click: shown to everyone, or only to the person who acted.</summary>
/// <param name="ReplacesClicked">For a click on a private message: the reply takes that message's place
/// (Discord updates the ephemeral message, Slack replaces it through <c>response_url</c>, the console prints it),
/// so one private message walks through a sequence such as a <c>/review</c> session.</param>
/// <param name="File">A file that goes with a private reply; the message is its caption.</param>
/// <param name="Form">A form to open for the person instead of a message (a Discord modal, a Slack modal, console
/// prompts). <see cref="Message"/> is what they see where no form can be opened.</param>
public sealed record ChatReply(ChatMessage Message, bool Ephemeral, bool ReplacesClicked = false, ChatFile? File = null, ChatForm? Form = null)
{
    public static ChatReply Private(string title, string body) => new(ChatMessage.Text(title, body), true);
    public static ChatReply Public(ChatMessage message) => new(message, false);
}
