using StudyBot.Testing.Postgres;

// Every test here needs PostgreSQL: without one (and outside CI) they are reported as skipped, with the reason.
[assembly: TestFramework(PostgresTestFramework.TypeName, PostgresTestFramework.AssemblyName)]
