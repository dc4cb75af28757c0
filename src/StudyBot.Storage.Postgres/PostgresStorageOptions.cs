using System.ComponentModel.DataAnnotations;

namespace StudyBot.Storage.Postgres;

/// <summary>Which PostgreSQL database. Bound from <c>StudyBot:Storage</c> when its Provider is <c>postgres</c>.</summary>
public sealed class PostgresStorageOptions
{
    public const string Section = "StudyBot:Storage";

    /// <summary>An Npgsql connection string; the password is best given through the environment (StudyBot__Storage__ConnectionString).</summary>
    [Required(ErrorMessage = "StudyBot:Storage:ConnectionString must name the PostgreSQL database when StudyBot:Storage:Provider is 'postgres' " +
        "(e.g. 'Host=db;Database=studybot;Username=studybot;Password=…').")]
    public string? ConnectionString { get; set; }
}
