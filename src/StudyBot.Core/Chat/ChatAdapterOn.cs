namespace StudyBot.Core.Chat;

/// <summary>
/// Left in the service collection by each chat adapter that its configuration turns on. Read when the
/// host starts, not when adapters are added, so the console adapter can tell whether it is the only
/// one whatever order the <c>AddX()</c> calls come in.
/// </summary>
public sealed record ChatAdapterOn(string Platform);
