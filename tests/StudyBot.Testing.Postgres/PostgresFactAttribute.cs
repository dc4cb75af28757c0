using Xunit;

namespace StudyBot.Testing.Postgres;

/// <summary>
/// A fact that needs PostgreSQL. xunit 2 has no skip decided while a test runs, so the attribute
/// decides when it is made: without a server on a developer's machine the test is reported as
/// skipped with the reason and how to install one; with CI=true it runs and fails, so CI never
/// passes without having tested PostgreSQL.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(bool needsBinaries = false)
    {
        var reason = needsBinaries && PostgresBinaries.Folder is null
            ? $"This test starts and stops its own PostgreSQL server and needs the server binaries: {PostgresBinaries.HowToInstall}."
            : PostgresBinaries.MissingReason;
        if (reason is not null && !PostgresBinaries.InCi) Skip = reason;
    }
}
