namespace StudyBot.Core.Chat;

public enum ChatActionStatus
{
    Done,

    /// <summary>The platform refused for lack of a permission or scope; <see cref="ChatActionResult.Needed"/> names it.</summary>
    MissingPermission,

    /// <summary>The platform has no such thing, or the bot may not do it there (Slack user groups without admin scopes).</summary>
    NotSupported,
}

/// <summary>
/// How an optional extra on a post went (a thread, a pin, a role change). Failing ones never throw for a missing
/// permission: the core carries on with the post and tells an admin once what to grant.
/// </summary>
/// <param name="Needed">What to grant, in the platform's own words ("Create Public Threads", "pins:write scope").</param>
public sealed record ChatActionResult(ChatActionStatus Status, string? Needed = null)
{
    public static readonly ChatActionResult Done = new(ChatActionStatus.Done);
    public static readonly ChatActionResult NotSupported = new(ChatActionStatus.NotSupported);

    public static ChatActionResult Missing(string needed) => new(ChatActionStatus.MissingPermission, needed);

    public bool IsDone => Status == ChatActionStatus.Done;
}
