namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>A file sent with a message as <c>files[0]</c> of a multipart body.</summary>
internal sealed record DiscordFile(string FileName, string MediaType, byte[] Content);
