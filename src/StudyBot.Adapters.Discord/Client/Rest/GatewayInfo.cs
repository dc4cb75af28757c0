namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// From <c>GET /gateway/bot</c>: where to connect and how many IDENTIFYs are left today
/// (going over 1000 a day makes Discord reset the token).
/// </summary>
internal sealed record GatewayInfo(Uri Url, int RecommendedShards, int SessionStartsRemaining, int SessionStartsTotal, TimeSpan ResetAfter, int MaxConcurrency);
