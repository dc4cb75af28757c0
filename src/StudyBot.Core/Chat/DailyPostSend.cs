namespace StudyBot.Core.Chat;

/// <summary>
/// Which daily post a message is, so an adapter can make sending it twice harmless: a node that takes over a post whose
/// first send was cut off (a crash after the platform created the message, before its id was stored) must find that
/// message, not make a second.
/// </summary>
/// <param name="PostId">The reserved post: the same on every attempt, so it is the idempotency key.</param>
/// <param name="ReservedAt">When the post was reserved: no attempt's message is older (a platform searching its history starts there).</param>
/// <param name="IsResend">A recovery of a cut-off send: a first attempt may have reached the platform.</param>
public sealed record DailyPostSend(long PostId, DateTimeOffset ReservedAt, bool IsResend);
