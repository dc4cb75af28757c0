using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Discord.Tests.Review;

/// <summary><c>/export</c> on Discord with the real core: the Anki file rides on the interaction callback as multipart.</summary>
public sealed class ExportEndToEndTests(ITestOutputHelper output)
{
    private static readonly ReviewMember Mina = new("800000000000000301", "Mina");
    private static readonly ReviewMember Joon = new("800000000000000302", "Joon");

    private const string Row = "Where does an EBS volume live?<br>A. In a Region<br>B. In one Availability Zone<br>C. In an edge location"
        + "\tB<br><br>An EBS volume is bound to one Availability Zone.\te2e Amazon_EBS";

    private static readonly string[] Headers =
        ["#separator:tab", "#html:true", "#notetype:Basic", "#deck:StudyBot", "#columns:Front\tBack\tTags", "#tags column:3"];

    [Fact]
    public async Task Export_replies_privately_with_the_members_cards_as_an_Anki_file_attached_to_the_callback()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        await DailyRound.AnswerAndCloseAsync(bot, (Mina, DailyRound.WrongChoice), (Joon, DailyRound.RightChoice));

        var callback = await bot.CallbackAsync(Mina.Command("int-export", "export"));
        Assert.StartsWith("multipart/form-data", callback.ContentType, StringComparison.Ordinal);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        var data = callback.Json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal("Anki export", Title(data));
        Assert.StartsWith("1 card.", Description(data), StringComparison.Ordinal);
        var attachment = Assert.Single(data.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("0", "studybot-review.txt"), (attachment.GetProperty("id").GetString(), attachment.GetProperty("filename").GetString()));
        var file = Assert.Single(callback.Files!);
        Assert.Equal(("files[0]", "studybot-review.txt", "text/tab-separated-values"), (file.Key, file.Value.FileName, file.Value.ContentType));
        Assert.Equal([.. Headers, Row], Lines(file.Value.Content));

        // Joon's only card was answered right: nothing needs work, so no file; "all" exports it.
        var none = await bot.CallbackAsync(Joon.Command("int-export-none", "export"));
        Assert.Null(none.Files);
        Assert.Equal("Nothing to export", Title(none.Json.GetProperty("data")));
        var all = await bot.CallbackAsync(Joon.Command("int-export-all", "export", Payloads.Option("scope", "all")));
        var allFile = Assert.Single(all.Files!).Value;
        Assert.Equal("studybot-all.txt", allFile.FileName);
        Assert.Equal([.. Headers, Row], Lines(allFile.Content));

        Assert.Empty(bot.Fake.SpecViolations);
        Assert.DoesNotContain(bot.Logs.Entries, l => l.Level >= LogLevel.Warning);
    }

    private static string[] Lines(byte[] content) => Encoding.UTF8.GetString(content).TrimEnd('\n').Split('\n');

    private static string Title(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("title").GetString()!;

    private static string Description(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("description").GetString()!;
}
