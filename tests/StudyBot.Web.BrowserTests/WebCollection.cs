namespace StudyBot.Web.BrowserTests;

/// <summary>One seeded bot and one browser for every browser test: starting Chromium and seeding cost seconds each.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<SeededBot>, ICollectionFixture<Chromium>
{
    public const string Name = "seeded bot in a real browser";
}
