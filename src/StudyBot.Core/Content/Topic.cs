namespace StudyBot.Core.Content;

/// <summary>Something people look up with <c>/topic</c>: a title, other names, a summary and key facts.</summary>
public sealed record Topic(
    string Id,
    LocalizedText Title,
    IReadOnlyList<string> Aliases,
    LocalizedText Summary,
    IReadOnlyList<string> KeyFactsEn,
    IReadOnlyList<string> KeyFactsKo,
    SourceLocation Source)
{
    public IReadOnlyList<string> KeyFacts(Language language) =>
        language == Language.Ko ? (KeyFactsKo.Count > 0 ? KeyFactsKo : KeyFactsEn)
                                : (KeyFactsEn.Count > 0 ? KeyFactsEn : KeyFactsKo);

    /// <summary>Every name the topic answers to: titles in both languages and aliases.</summary>
    public IEnumerable<string> Names() => Title.All().Concat(Aliases);
}
