namespace StudyBot.Core.Storage;

/// <summary>
/// Finding a stored channel by what an operator types on the command line: its platform id ("123"),
/// platform and id ("discord:123") or StudyBot's own id. One statement both providers run as it is.
/// </summary>
public static class ChannelLookup
{
    public sealed record FoundChannel(long Id, string Platform, string ExternalId, string? PackId);

    public const string Sql =
        "SELECT id AS Id, platform AS Platform, external_id AS ExternalId, pack_id AS PackId FROM channels " +
        "WHERE external_id = @text OR platform || ':' || external_id = @text OR CAST(id AS TEXT) = @text ORDER BY id";
}
