using System.ComponentModel.DataAnnotations;

namespace StudyBot.Adapters.Console;

/// <summary>The local terminal channel. Bound from <c>StudyBot:Console</c>.</summary>
public sealed class ConsoleChatOptions
{
    public const string Section = "StudyBot:Console";

    /// <summary>Force the console channel on even when another adapter runs (it is on by default only when none does).</summary>
    public bool Enabled { get; set; }

    [Required(ErrorMessage = "StudyBot:Console:ChannelId must not be empty.")]
    public string ChannelId { get; set; } = "local";

    /// <summary>Who types at first; <c>/as &lt;name&gt;</c> switches.</summary>
    [Required(ErrorMessage = "StudyBot:Console:UserName must not be empty.")]
    public string UserName { get; set; } = "me";

    /// <summary>Where files sent with a reply (an Anki export) are written; relative paths start at the current directory.</summary>
    [Required(ErrorMessage = "StudyBot:Console:ExportFolder must not be empty.")]
    public string ExportFolder { get; set; } = "exports";

    /// <summary>en or ko: the language of replies.</summary>
    [RegularExpression("^(en|ko)$", ErrorMessage = "StudyBot:Console:Language must be 'en' or 'ko'.")]
    public string Language { get; set; } = "en";
}
