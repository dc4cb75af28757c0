using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Slack.Tests.Review;

/// <summary><c>/study export</c> with the real core: the Anki file goes through Slack's external upload to the member's DM.</summary>
public sealed class ExportEndToEndTests
{
    private const string Mina = "U0MINA";
    private const string Joon = "U0JOON";

    private const string Row = "Where does an EBS volume live?<br>A. In a Region<br>B. In one Availability Zone<br>C. In an edge location"
        + "\tB<br><br>An EBS volume is bound to one Availability Zone.\te2e Amazon_EBS";

    private static readonly string[] Headers =
        ["#separator:tab", "#html:true", "#notetype:Basic", "#deck:StudyBot", "#columns:Front\tBack\tTags", "#tags column:3"];

    [Fact]
    public async Task Export_uploads_the_members_cards_as_an_Anki_file_to_their_DM_and_says_so_privately()
    {
        await using var bot = await RealCoreSlack.StartAsync();
        await bot.AnswerDailyQuestionAsync((Mina, RealCoreSlack.WrongChoice), (Joon, RealCoreSlack.RightChoice));

        var reply = await bot.SlashAsync("env-export", "export", Mina);
        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        Assert.Contains("I sent studybot-review.txt to our direct messages.", RealCoreSlack.Text(reply), StringComparison.Ordinal);

        Assert.Equal(Mina, Assert.Single(bot.Slack.Calls.All, c => c.Method == "conversations.open").Arg("users"));
        var url = Assert.Single(bot.Slack.Calls.All, c => c.Method == "files.getUploadURLExternal");
        var uploaded = bot.Slack.Uploads["F0001"];
        Assert.Equal(("studybot-review.txt", uploaded.Length.ToString(CultureInfo.InvariantCulture)), (url.Arg("filename"), url.Arg("length")));
        Assert.Equal([.. Headers, Row], Encoding.UTF8.GetString(uploaded).TrimEnd('\n').Split('\n'));
        var complete = Assert.Single(bot.Slack.Calls.All, c => c.Method == "files.completeUploadExternal");
        Assert.Equal("D" + Mina, complete.Arg("channel_id"));
        Assert.Equal("F0001", complete.Body.GetProperty("files")[0].GetProperty("id").GetString());
        Assert.Contains("1 card.", complete.Arg("initial_comment"), StringComparison.Ordinal);
        // The upload is ordered: the URL first, the bytes, then the share.
        Assert.True(url.At <= complete.At);

        // Joon's only card was answered right: nothing needs work, and nothing is uploaded.
        var none = await bot.SlashAsync("env-export-none", "export", Joon);
        Assert.Contains("Nothing to export", RealCoreSlack.Text(none), StringComparison.Ordinal);
        Assert.Single(bot.Slack.Calls.All, c => c.Method == "files.getUploadURLExternal");
        Assert.DoesNotContain(bot.Logs.Entries.All, e => e.Level >= LogLevel.Warning);
    }
}
