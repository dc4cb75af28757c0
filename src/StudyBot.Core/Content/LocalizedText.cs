namespace StudyBot.Core.Content;

/// <summary>A text in English and/or Korean. At least one of the two is present.</summary>
public sealed record LocalizedText(string? En, string? Ko)
{
    public static LocalizedText Both(string en, string ko) => new(en, ko);

    public static LocalizedText Of(Language language, string text) =>
        language == Language.Ko ? new(null, text) : new(text, null);

    /// <summary>The text in the wanted language, falling back to the other one.</summary>
    public string Get(Language language) =>
        (language == Language.Ko ? Ko ?? En : En ?? Ko) ?? string.Empty;

    public bool Has(Language language) => !string.IsNullOrWhiteSpace(language == Language.Ko ? Ko : En);

    public IEnumerable<string> All()
    {
        if (!string.IsNullOrWhiteSpace(En)) yield return En;
        if (!string.IsNullOrWhiteSpace(Ko)) yield return Ko;
    }

    public override string ToString() => Get(Language.En);
}
