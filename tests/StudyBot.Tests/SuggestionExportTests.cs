using StudyBot.Content;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Suggestions;
using StudyBot.Storage.Postgres;
using StudyBot.Testing;
using StudyBot.Testing.Postgres;

namespace StudyBot.Tests;

/// <summary><c>content export-suggestions</c>: the approved questions as a file the real loader accepts in the pack.</summary>
public sealed class SuggestionExportTests : IDisposable
{
    private static readonly string Starter = Path.Combine(RepositoryRoot(), "content", "starter");
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Exported_approved_suggestions_load_back_with_content_check_rules_and_pending_ones_stay_out()
    {
        var pack = ContentLoader.Load(Starter).Packs.Single();
        using var bot = new CoreOnRealStorage(pack, new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var mina = CoreOnRealStorage.As("mina");
        var admin = CoreOnRealStorage.As("admin", admin: true);
        await bot.Inbox.HandleCommandAsync(admin, "study setup 09:00 UTC starter", default);
        var tricky = new Dictionary<string, string>
        {
            [SuggestionDraft.PromptField] = "복습: \"간격\"이란? # not a comment: {yes}\n- 두 줄",
            [SuggestionDraft.ChoicesField] = "하루 뒤\n잊기 직전\n'시험' 전날",
            [SuggestionDraft.AnswerField] = "b",
            [SuggestionDraft.ExplanationField] = "잊기 직전: 가장 효과적이에요.",
            [SuggestionDraft.TopicField] = "spaced repetition",
        };
        var twoPick = new Dictionary<string, string>(tricky)
        {
            [SuggestionDraft.PromptField] = "Which two are retrieval practice?",
            [SuggestionDraft.ChoicesField] = "A quiz\nRe-reading\nFlashcards",
            [SuggestionDraft.AnswerField] = "A, C",
            [SuggestionDraft.ExplanationField] = "Both pull the answer out of memory.",
            [SuggestionDraft.TopicField] = "retrieval-practice",
        };
        foreach (var values in new[] { tricky, twoPick, tricky })
            Assert.False((await bot.Inbox.HandleFormAsync(mina, FormIds.NewSuggestion, values, default)).Refused);
        foreach (var id in new[] { 1L, 2L })
            await bot.Inbox.HandleButtonAsync(admin, ButtonIds.ReviewSuggestion(id, SuggestionVerdict.Approve), default);

        CopyPack(_dir.File("pack"));
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await SuggestionExport.RunAsync(Starter, OnSqlite(bot.DatabasePath), "room", _dir.File("pack/questions/members.yaml"), output, errors);

        Assert.Equal(0, exit);
        Assert.Contains("Wrote 2 approved question(s)", output.ToString(), StringComparison.Ordinal);
        var loaded = ContentLoader.Load(_dir.File("pack"));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var spacing = loaded.Packs.Single().FindQuestion("suggested-1")!;
        Assert.Equal((tricky[SuggestionDraft.PromptField], "spaced-repetition", "B"), (spacing.Prompt.Ko, spacing.TopicId, spacing.AnswerLetters()));
        Assert.Equal("'시험' 전날", spacing.Choices[2].Ko);
        Assert.Equal((QuestionKind.ChooseTwo, "A, C"), (loaded.Packs.Single().FindQuestion("suggested-2")!.Kind, loaded.Packs.Single().FindQuestion("suggested-2")!.AnswerLetters()));
        Assert.Null(loaded.Packs.Single().FindQuestion("suggested-3"));
    }

    [Fact]
    public async Task An_unknown_channel_or_a_missing_database_exits_1_and_says_why()
    {
        var errors = new StringWriter();
        Assert.Equal(1, await SuggestionExport.RunAsync(Starter, OnSqlite(_dir.File("none.db")), "room", null, TextWriter.Null, errors));
        Assert.Contains("No database", errors.ToString(), StringComparison.Ordinal);

        var pack = ContentLoader.Load(Starter).Packs.Single();
        using var bot = new CoreOnRealStorage(pack, DateTimeOffset.UnixEpoch);
        await bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true), "study setup 09:00 UTC", default);
        errors = new StringWriter();
        Assert.Equal(1, await SuggestionExport.RunAsync(Starter, OnSqlite(bot.DatabasePath), "nowhere", null, TextWriter.Null, errors));
        Assert.Contains("No channel 'nowhere'", errors.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task On_postgres_the_export_reads_the_database_the_provider_setting_names()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            await using (var database = new PostgresDatabase(connectionString))
            {
                await database.MigrateAsync();
                var channel = await new PostgresChannelStore(database).GetOrAddAsync(new ChannelAddress("discord", "900100"), default);
                await new PostgresChannelStore(database).UpdateAsync(channel with { PackId = "starter" }, default);
                var suggestions = new PostgresSuggestionStore(database);
                var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
                var mina = new ChatUser("discord", "mina", "Mina");
                var approved = await suggestions.AddAsync(new NewSuggestion(channel.Id, mina,
                    new SuggestionDraft("Which spacing beats cramming?", "One day\nJust before forgetting", "B", "Recall when it is hard.", "spaced-repetition"), at), default);
                await suggestions.AddAsync(new NewSuggestion(channel.Id, mina,
                    new SuggestionDraft("Still pending?", "Yes\nNo", "A", "Not reviewed yet.", "spaced-repetition"), at), default);
                await suggestions.DecideAsync(approved, SuggestionStatus.Approved, new ChatUser("discord", "admin", "Admin"), at, default);
            }
            CopyPack(_dir.File("pack"));
            var (output, errors) = (new StringWriter(), new StringWriter());

            var exit = await SuggestionExport.RunAsync(
                ["--channel", "discord:900100", "--out", _dir.File("pack/questions/members.yaml"), $"--StudyBot:Content:Path={Starter}",
                 "--StudyBot:Storage:Provider=postgres", $"--StudyBot:Storage:ConnectionString={connectionString}",
                 $"--StudyBot:Storage:DatabasePath={_dir.File("absent.db")}"], output, errors);

            Assert.Equal((0, ""), (exit, errors.ToString()));
            Assert.Contains("Wrote 1 approved question(s)", output.ToString(), StringComparison.Ordinal);
            var loaded = ContentLoader.Load(_dir.File("pack"));
            Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
            var exported = loaded.Packs.Single().FindQuestion("suggested-1")!;
            Assert.Equal(("Which spacing beats cramming?", "B"), (exported.Prompt.En, exported.AnswerLetters()));
            Assert.Null(loaded.Packs.Single().FindQuestion("suggested-2"));
            Assert.False(File.Exists(_dir.File("absent.db")));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task On_postgres_without_a_connection_string_the_setting_is_named_and_the_exit_code_is_one()
    {
        var errors = new StringWriter();

        var exit = await SuggestionExport.RunAsync(["--channel", "room", "--StudyBot:Storage:Provider=postgres", $"--StudyBot:Content:Path={Starter}"], TextWriter.Null, errors);

        Assert.Equal(1, exit);
        Assert.StartsWith("StudyBot:Storage:ConnectionString must name the PostgreSQL database", errors.ToString(), StringComparison.Ordinal);
    }

    private static StorageSettings OnSqlite(string databasePath) => new(StorageProvider.Sqlite, databasePath, null);

    private static void CopyPack(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Starter, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Starter, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StudyBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("StudyBot.sln not found");
    }

    public void Dispose() => _dir.Dispose();
}
