using System.Text;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Review;

/// <summary>/export: the file rides on the interaction response as multipart (payload_json + files[0]).</summary>
public sealed class FileReplyTests
{
    private static readonly byte[] Export = Encoding.UTF8.GetBytes("#separator:tab\n#html:false\nfront\tback\ttags\n");

    private static ChatReply ExportReply() =>
        new(ChatMessage.Text("Your export", "12 cards for Anki."), true, File: new ChatFile("studybot-export.txt", "text/plain", Export));

    [Fact]
    public async Task A_private_reply_with_a_file_is_a_multipart_callback_naming_the_attachment()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        host.Inbox.OnCommand = (_, _) => Task.FromResult(ExportReply());
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-1", "export"));

        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        Assert.StartsWith("multipart/form-data", callback.ContentType, StringComparison.Ordinal);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        var data = callback.Json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal("Your export", data.GetProperty("embeds")[0].GetProperty("title").GetString());
        var attachment = Assert.Single(data.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("0", "studybot-export.txt"), (attachment.GetProperty("id").GetString(), attachment.GetProperty("filename").GetString()));
        var file = Assert.Single(callback.Files!);
        Assert.Equal("files[0]", file.Key);
        Assert.Equal(("studybot-export.txt", "text/plain"), (file.Value.FileName, file.Value.ContentType));
        Assert.Equal(Export, file.Value.Content);
    }

    [Fact]
    public async Task On_the_deferred_path_the_file_goes_with_the_edit_of_the_original_response()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, new Dictionary<string, string?> { ["StudyBot:Discord:DeferAfter"] = "00:00:00.100" });
        host.Inbox.Delay = TimeSpan.FromMilliseconds(300);
        host.Inbox.OnCommand = (_, _) => Task.FromResult(ExportReply());
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-1", "export"));

        var edit = await fake.WaitForRequestAsync(r => r.Is("PATCH", "webhooks/app-1/itoken-int-1/messages/@original"));
        Assert.Equal(5, Assert.Single(fake.RequestsTo("POST", "interactions/int-1/")).Json.GetProperty("type").GetInt32());
        Assert.Equal("studybot-export.txt", edit.Json.GetProperty("attachments")[0].GetProperty("filename").GetString());
        Assert.Equal(Export, edit.Files!["files[0]"].Content);
    }

    [Fact]
    public async Task A_refused_file_still_answers_the_member_privately_and_says_why()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.Script(r => r.Files is not null ? new FakeResponse(413, """{"message": "Request entity too large", "code": 40005}""") : null);
        await using var host = await DiscordTestHost.StartAsync(fake);
        host.Inbox.OnCommand = (_, _) => Task.FromResult(ExportReply());
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-1", "export"));

        var retry = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/") && r.Files is null);
        var data = retry.Json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal("File not sent", data.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Contains("studybot-export.txt", data.GetProperty("embeds")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, fake.RequestsTo("POST", "interactions/int-1/").Count);
        Assert.True(host.Logs.Has(Microsoft.Extensions.Logging.LogLevel.Warning, "did not take the file studybot-export.txt"));
    }
}
