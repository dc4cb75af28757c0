using System.ComponentModel.DataAnnotations;

namespace StudyBot.Storage.Sqlite;

/// <summary>Where the database lives. Bound from <c>StudyBot:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "StudyBot:Storage";

    /// <summary>The SQLite file; its folder is created when missing. Quartz's schedules live in the same file.</summary>
    [Required(ErrorMessage = "StudyBot:Storage:DatabasePath must name the SQLite file (e.g. 'data/studybot.db').")]
    public string DatabasePath { get; set; } = "data/studybot.db";
}
