using System.ComponentModel.DataAnnotations;

namespace StudyBot.Content;

/// <summary>Where packs are read from. Bound from <c>StudyBot:Content</c>.</summary>
public sealed class ContentOptions
{
    public const string Section = "StudyBot:Content";

    /// <summary>A folder of packs, or one pack folder; relative paths start at the working directory.</summary>
    [Required(ErrorMessage = "StudyBot:Content:Path must name the content folder (e.g. 'content').")]
    public string Path { get; set; } = "content";

    /// <summary>The pack new channels use; the first pack loaded when empty.</summary>
    public string? DefaultPack { get; set; }
}
