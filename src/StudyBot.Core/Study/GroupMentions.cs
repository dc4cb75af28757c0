using System.Text.RegularExpressions;

namespace StudyBot.Core.Study;

/// <summary>
/// Reads the study group an admin names for <c>/study ping</c>: a Discord role (its id, or <c>&lt;@&amp;id&gt;</c>) or a
/// Slack user group (its id <c>S…</c>, or <c>&lt;!subteam^S…|@handle&gt;</c>). Everything else is refused, above all the
/// mentions that reach everyone (<c>@everyone</c>, <c>@here</c>, <c>&lt;!channel&gt;</c>) and single users.
/// </summary>
public static partial class GroupMentions
{
    public static bool TryParse(string? text, out string groupId)
    {
        var match = GroupPattern().Match(text?.Trim() ?? "");
        groupId = match.Success ? match.Groups["id"].Value : "";
        return match.Success;
    }

    // A Discord snowflake is 17 to 20 digits; a Slack user group id is S followed by capitals and digits.
    [GeneratedRegex(@"^(?:(?<id>[0-9]{17,20})|<@&(?<id>[0-9]{17,20})>|(?<id>S[A-Z0-9]{6,20})|<!subteam\^(?<id>S[A-Z0-9]{6,20})(?:\|[^<>]{0,100})?>)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex GroupPattern();
}
