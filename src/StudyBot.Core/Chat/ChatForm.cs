namespace StudyBot.Core.Chat;

/// <summary>
/// A form the bot asks someone to fill in (<c>/suggest</c>): a Discord modal, a Slack modal or console
/// prompts. <see cref="Id"/> is one of <see cref="FormIds"/>' formats and comes back with the values.
/// </summary>
/// <param name="Intro">A line above the fields (Slack shows it as text; Discord modals have no free text, so it goes
/// into the first field's placeholder).</param>
public sealed record ChatForm(string Id, string Title, string Intro, IReadOnlyList<FormField> Fields, string SubmitLabel);

/// <summary>One text field of a form. <see cref="Value"/> pre-fills it (what was typed before, or the text being edited).</summary>
public sealed record FormField(string Id, string Label, bool Multiline, bool Required, int MaxLength, string? Value = null, string? Placeholder = null);

/// <summary>
/// The answer to a submitted form. With <see cref="FieldErrors"/> (field id → what is wrong) the form was
/// refused: Slack shows them under the fields and keeps what was typed; platforms without that show
/// <see cref="Reply"/>, which lists them and offers to open the form again pre-filled.
/// </summary>
public sealed record FormReply(ChatReply Reply, IReadOnlyDictionary<string, string> FieldErrors)
{
    public bool Refused => FieldErrors.Count > 0;

    public static FormReply Accepted(ChatReply reply) => new(reply, new Dictionary<string, string>());
}
