using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Storage.Postgres;
using StudyBot.Storage.Sqlite;
using StudyBot.Testing;
using StudyBot.Testing.Postgres;

namespace StudyBot.Tests;

/// <summary>
/// <c>studybot content report</c> on a real pack folder and a real SQLite file (or PostgreSQL database), seeded through the stores.
/// Seeded answers (q1: single, key B; q2: true-false, key False = B; q3: never posted):
/// <code>
/// member  q1 day 1-5   q2 day 6  overall  group (k = round(6 × 0.27) = 2)
/// m1      B B B B B    B         6/6      top
/// m2      B B B B A    -         4/5      top
/// m3      B B B A A    -         3/5
/// m4      B B A A A    -         2/5
/// m5      B A A A A    -         1/5      bottom
/// m6      A A A A C    -         0/5      bottom
/// q1: 30 answers, 15 right = 50 %; A 14/30 = 47 %, B 15/30 = 50 %, C 1/30 = 3 %, D 0 %;
///     top 9/10 = 0.9, bottom 1/10 = 0.1, disc = +0.80; 30 ≥ 20 answers and nobody picked D: dead distractor D.
/// q2: 1 answer, 100 %, True 0 %, False 100 %; disc n/a (1 top answer, 0 bottom); 1 &lt; 20: no flags.
/// A sixth day's post of q1 is still open: its answer counts nowhere.
/// </code>
/// </summary>
public sealed class ContentReportTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _content;
    private readonly string _database;

    public ContentReportTests()
    {
        _dir.Write("content/mini/pack.yaml", "id: mini\ntitle: Mini\nlanguage: en\n");
        _dir.Write("content/mini/topics/t.md", "---\nid: t\ntitle: T\n---\n## Summary\nS.\n");
        _dir.Write("content/mini/questions/q.yaml", """
            questions:
              - id: q1
                topic: t
                kind: single
                prompt: P1
                choices: [a, b, c, d]
                answer: B
                explanation: E
              - id: q2
                topic: t
                kind: true-false
                prompt: P2
                answer: false
                explanation: E
              - id: q3
                topic: t
                kind: single
                prompt: P3
                choices: [a, b, c]
                answer: A
                explanation: E
            """);
        _content = _dir.File("content");
        _database = _dir.File("data/bot.db");
    }

    public void Dispose() => _dir.Dispose();

    private StorageSettings Sqlite => new(StorageProvider.Sqlite, _database, null);

    [Fact]
    public async Task The_table_shows_each_answered_question_with_shares_discrimination_and_flags()
    {
        await SeedAsync();

        var (code, output, errors) = await RunAsync(new ContentReport.Request(_content, Sqlite, null, null, Csv: false));

        Assert.Equal((0, ""), (code, errors));
        var lines = output.Split('\n');
        Assert.Equal("2 of 3 questions answered; 31 answers from 6 members (6 ranked: top group 2, bottom group 2).", lines[0]);
        Assert.Equal("question  topic  answers  correct    A      B    C    D    disc  flags", lines[2]);
        Assert.Equal("q1        t           30      50%  47%    50%*  3%   0%   +0.80  dead distractor (아무도 안 고른 오답): D", lines[3]);
        Assert.Equal("q2        t            1     100%   0%   100%*              n/a", lines[4]);
        Assert.DoesNotContain("q3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_lists_every_question_with_fractions_and_flag_codes()
    {
        await SeedAsync();

        var (code, output, _) = await RunAsync(new ContentReport.Request(_content, Sqlite, "mini", null, Csv: true));

        Assert.Equal(0, code);
        Assert.Equal(
            "pack,question,topic,answers,correct,correct_rate,share_A,share_B,share_C,share_D,key,discrimination,top_answers,bottom_answers,flags,dead_distractors,top_group_picks\r\n" +
            "mini,q1,t,30,15,0.5,0.467,0.5,0.033,0,B,0.8,10,10,dead-distractor,D,\r\n" +
            "mini,q2,t,1,1,1,0,1,,,B,,1,0,,,\r\n" +
            "mini,q3,t,0,0,,,,,,A,,0,0,,,\r\n",
            output);
    }

    [Fact]
    public async Task The_command_line_reads_its_flags_and_takes_the_database_and_content_from_configuration()
    {
        await SeedAsync();
        var (output, errors) = (new StringWriter(), new StringWriter());

        var code = await ContentReport.RunAsync(
            ["--csv", "--pack", "mini", "--topic", "t", $"--StudyBot:Storage:DatabasePath={_database}", $"--StudyBot:Content:Path={_content}"], output, errors);

        Assert.Equal((0, ""), (code, errors.ToString()));
        Assert.StartsWith("pack,question,", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\r\nmini,q1,t,30,15,", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_without_answers_says_so_and_exits_zero()
    {
        new SqliteDatabase(_database).Migrate();

        var (code, output, _) = await RunAsync(new ContentReport.Request(_content, Sqlite, "mini", null, Csv: false));

        Assert.Equal(0, code);
        Assert.StartsWith("No answers to closed daily questions in pack 'mini'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_names_the_setting_and_exits_one()
    {
        var (code, _, errors) = await RunAsync(new ContentReport.Request(_content, Sqlite, null, null, Csv: false));

        Assert.Equal(1, code);
        Assert.Contains("StudyBot:Storage:DatabasePath", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_database));
    }

    [Fact]
    public async Task An_unknown_pack_lists_the_loaded_ones_and_exits_one()
    {
        var (code, _, errors) = await RunAsync(new ContentReport.Request(_content, Sqlite, "aws-saa", null, Csv: false));

        Assert.Equal(1, code);
        Assert.Contains("'aws-saa'; the packs are: mini", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    public void Csv_fields_are_quoted_as_RFC_4180_says(string value, string field) =>
        Assert.Equal(field, ItemReportCsv.Field(value));

    private static async Task<(int Code, string Output, string Errors)> RunAsync(ContentReport.Request request)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await ContentReport.RunAsync(request, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [PostgresFact]
    public async Task On_postgres_the_report_reads_the_database_the_provider_setting_names()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            await using (var database = new PostgresDatabase(connectionString))
            {
                await database.MigrateAsync();
                await SeedAsync(new PostgresChannelStore(database), new PostgresPostStore(database));
            }
            var (output, errors) = (new StringWriter(), new StringWriter());

            var code = await ContentReport.RunAsync(
                ["--StudyBot:Storage:Provider=postgres", $"--StudyBot:Storage:ConnectionString={connectionString}", $"--StudyBot:Content:Path={_content}"], output, errors);

            Assert.Equal((0, ""), (code, errors.ToString()));
            var lines = output.ToString().Split('\n');
            Assert.Equal("2 of 3 questions answered; 31 answers from 6 members (6 ranked: top group 2, bottom group 2).", lines[0]);
            Assert.Equal("q1        t           30      50%  47%    50%*  3%   0%   +0.80  dead distractor (아무도 안 고른 오답): D", lines[3]);
            Assert.False(File.Exists(_database));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task On_postgres_without_a_connection_string_the_setting_is_named_and_the_exit_code_is_one()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());

        var code = await ContentReport.RunAsync(["--StudyBot:Storage:Provider=postgres", $"--StudyBot:Content:Path={_content}"], output, errors);

        Assert.Equal(1, code);
        Assert.StartsWith("StudyBot:Storage:ConnectionString must name the PostgreSQL database", errors.ToString(), StringComparison.Ordinal);
    }

    private Task SeedAsync()
    {
        var database = new SqliteDatabase(_database);
        database.Migrate();
        return SeedAsync(new SqliteChannelStore(database), new SqlitePostStore(database));
    }

    private static async Task SeedAsync(IChannelStore channels, IPostStore posts)
    {
        var channel = await channels.GetOrAddAsync(new ChannelAddress("test", "room"), default);
        string[][] q1Picks =
        [
            ["1", "1", "1", "1", "1"], ["1", "1", "1", "1", "0"], ["1", "1", "1", "0", "0"],
            ["1", "1", "0", "0", "0"], ["1", "0", "0", "0", "0"], ["0", "0", "0", "0", "2"],
        ];
        for (var day = 0; day < 5; day++)
        {
            var post = await PostAsync(posts, channel.Id, day, "q1");
            for (var member = 0; member < 6; member++)
                await AnswerAsync(posts, post, member + 1, q1Picks[member][day], q1Picks[member][day] == "1");
            await posts.CloseAsync(post.Id, post.ClosesAt, default);
        }
        var trueFalse = await PostAsync(posts, channel.Id, 5, "q2");
        await AnswerAsync(posts, trueFalse, 1, "1", true);
        await posts.CloseAsync(trueFalse.Id, trueFalse.ClosesAt, default);
        await AnswerAsync(posts, await PostAsync(posts, channel.Id, 6, "q1"), 6, "1", true);
    }

    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static async Task<Post> PostAsync(IPostStore posts, long channelId, int day, string question) =>
        (await posts.ReserveAsync(new NewPost(channelId, "mini", question, DateOnly.FromDateTime(T0.AddDays(day).UtcDateTime), T0.AddDays(day),
            T0.AddDays(day).AddHours(12)), default)).Post;

    private static async Task AnswerAsync(IPostStore posts, Post post, int member, string choices, bool correct) =>
        Assert.Equal(AnswerOutcome.Recorded, await posts.RecordAnswerAsync(
            new NewAnswer(post.Id, post.ChannelId, new ChatUser("test", $"m{member}", $"m{member}"), "t", choices, correct, post.OpensAt.AddMinutes(member)), default));
}
