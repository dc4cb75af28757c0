using System.Globalization;

namespace StudyBot.Core.Chat;

/// <summary>What a submitted form is for, parsed from its id.</summary>
public abstract record FormPurpose
{
    /// <summary>A new <c>/suggest</c> question.</summary>
    public sealed record NewSuggestion : FormPurpose;

    /// <summary>An admin's edit of a suggestion waiting for review.</summary>
    public sealed record EditSuggestion(long SuggestionId) : FormPurpose;
}

/// <summary>The one place form ids are written and read (Discord allows 100 characters, Slack's callback_id 255).</summary>
public static class FormIds
{
    public const string NewSuggestion = "sb:f:new";
    private const string EditPrefix = "sb:f:edit:";

    public static string EditSuggestion(long suggestionId) => string.Create(CultureInfo.InvariantCulture, $"{EditPrefix}{suggestionId}");

    public static bool TryParse(string? id, out FormPurpose purpose)
    {
        purpose = null!;
        if (id == NewSuggestion)
        {
            purpose = new FormPurpose.NewSuggestion();
            return true;
        }
        if (id is not null && id.StartsWith(EditPrefix, StringComparison.Ordinal)
            && long.TryParse(id[EditPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var suggestionId) && suggestionId > 0)
        {
            purpose = new FormPurpose.EditSuggestion(suggestionId);
            return true;
        }
        return false;
    }
}
