using System.Text.Json;

namespace StudyBot.Adapters.Discord.Tests.Review;

/// <summary>What comes before a review: a daily question posted in the channel, answered by members, then closed.</summary>
internal static class DailyRound
{
    public const int WrongChoice = 0;
    public const int RightChoice = 1;

    /// <summary>
    /// Sets the channel up for 23:00 Seoul, so that when a test moves the clock a day on, the missed daily
    /// trigger that fires (FireAndProceed) finds today's post time still ahead and posts nothing.
    /// </summary>
    public static async Task AnswerAndCloseAsync(RealCoreBot bot, params (ReviewMember Member, int Choice)[] answers)
    {
        await bot.InteractAsync(Payloads.SlashCommand("int-setup", "study",
            [Payloads.SubCommand("setup", Payloads.Option("time", "23:00"), Payloads.Option("timezone", "Asia/Seoul"))],
            permissions: Payloads.ManageChannels));
        const string messageId = "1290000000000000001";
        bot.Fake.Script(r => r.Is("POST", $"channels/{ReviewMember.Channel}/messages")
            ? new FakeResponse(200, $$"""{"id": "{{messageId}}", "channel_id": "{{ReviewMember.Channel}}"}""") : null);
        await bot.InteractAsync(Payloads.SlashCommand("int-now", "study", [Payloads.SubCommand("now")], permissions: Payloads.ManageChannels));
        var posted = await bot.Fake.WaitForRequestAsync(r => r.Is("POST", $"channels/{ReviewMember.Channel}/messages"));
        var choices = ButtonsOf(posted.Json).Select(b => b.Id).ToList();

        foreach (var (member, choice) in answers)
        {
            var recorded = await bot.InteractAsync(member.ClickPost($"int-daily-{member.Id}", choices[choice], messageId));
            Assert.Equal("Answer recorded", recorded.GetProperty("embeds")[0].GetProperty("title").GetString());
        }
        var close = await bot.InteractAsync(Payloads.SlashCommand("int-close", "study", [Payloads.SubCommand("close")], permissions: Payloads.ManageChannels));
        Assert.Equal("Closed", close.GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    /// <summary>Every button of a message body (a callback's <c>data</c> or a posted message), row by row.</summary>
    public static List<(string Label, string Id)> ButtonsOf(JsonElement message) =>
        message.TryGetProperty("components", out var rows)
            ? rows.EnumerateArray()
                .SelectMany(row => row.GetProperty("components").EnumerateArray())
                .Select(b => (b.GetProperty("label").GetString()!, b.GetProperty("custom_id").GetString()!))
                .ToList()
            : [];
}
