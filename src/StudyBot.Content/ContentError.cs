namespace StudyBot.Content;

/// <summary>A problem found while loading content, pointing at the file and line to fix.</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>Raised inside one file's reader; the file is skipped and the error reported.</summary>
public sealed class ContentException(string file, int line, string message) : Exception(message)
{
    public ContentError Error { get; } = new(file, line, message);
}
