namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>How one connection ended: what to do next, why (for the log), whether it reached READY/RESUMED, and a delay Discord asked for.</summary>
internal sealed record ConnectionOutcome(NextStep Next, string Reason, bool WasHealthy, TimeSpan? Delay = null);
