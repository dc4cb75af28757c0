using System.Globalization;
using StudyBot.Core.Content;
using StudyBot.Core.Items;

namespace StudyBot;

/// <summary>The wording both report formats share: numbers as authors read them, flags with their details.</summary>
internal static class ItemReportText
{
    public static int MostChoices(ItemReport report) => report.Questions.Select(q => ItemAnalysis.ChoiceCount(q.Question)).DefaultIfEmpty(0).Max();

    public static string Percent(double? rate) => rate is { } r ? Math.Round(r * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%" : "";

    public static string Discrimination(double? value) => value is { } d ? d.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "n/a";

    public static string Letters(IEnumerable<int> choices) => string.Join(" ", choices.Order().Select(Question.Letter));

    /// <summary>A flag in English with its Korean name beside it, and what it is about: "dead distractor (아무도 안 고른 오답): C D".</summary>
    public static string Flag(ItemStats item, ItemFlag flag)
    {
        var name = $"{flag.Name(Language.En)} ({flag.Name(Language.Ko)})";
        return flag switch
        {
            ItemFlag.DeadDistractor => $"{name}: {Letters(item.DeadDistractors)}",
            ItemFlag.SuspectKey when item.TopGroupFavourites.Count > 0 => $"{name}: top group picks {Letters(item.TopGroupFavourites)}",
            _ => name,
        };
    }
}
