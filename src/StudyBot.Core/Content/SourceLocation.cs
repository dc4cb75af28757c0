namespace StudyBot.Core.Content;

/// <summary>Where a piece of content came from, so every error can name file and line.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
