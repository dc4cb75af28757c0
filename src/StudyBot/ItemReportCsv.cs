using System.Globalization;
using System.Text;
using StudyBot.Core.Content;
using StudyBot.Core.Items;

namespace StudyBot;

/// <summary>
/// The item analysis as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted,
/// quotes doubled), every question of the selection including unanswered ones, rates as fractions 0-1.
/// Flags are the English codes (too-easy, suspect-key, ...), separated by spaces, for filters and scripts.
/// </summary>
public static class ItemReportCsv
{
    public static string Render(ItemReport report)
    {
        var choices = ItemReportText.MostChoices(report);
        var text = new StringBuilder();
        Line(text, [
            "pack", "question", "topic", "answers", "correct", "correct_rate",
            .. Enumerable.Range(0, choices).Select(c => $"share_{Question.Letter(c)}"),
            "key", "discrimination", "top_answers", "bottom_answers", "flags", "dead_distractors", "top_group_picks",
        ]);
        foreach (var item in report.Questions)
        {
            var count = ItemAnalysis.ChoiceCount(item.Question);
            Line(text, [
                item.PackId, item.Question.Id, item.Question.TopicId, Number(item.Answered), Number(item.Correct), Fraction(item.CorrectRate),
                .. Enumerable.Range(0, choices).Select(c => c < count ? Fraction(item.Share(c)) : ""),
                ItemReportText.Letters(item.Question.CorrectChoices), Fraction(item.Discrimination), Number(item.Top.Answered), Number(item.Bottom.Answered),
                string.Join(' ', item.Flags.Select(f => f.Code())), ItemReportText.Letters(item.DeadDistractors), ItemReportText.Letters(item.TopGroupFavourites),
            ]);
        }
        return text.ToString();
    }

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static void Line(StringBuilder text, IEnumerable<string> fields) => text.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fraction(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";
}
