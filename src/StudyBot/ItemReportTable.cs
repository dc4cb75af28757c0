using System.Globalization;
using System.Text;
using StudyBot.Core.Content;
using StudyBot.Core.Items;

namespace StudyBot;

/// <summary>
/// The item analysis as an aligned text table, answered questions only. Flags come last: their Korean
/// names are wide characters, and nothing after them needs to line up.
/// </summary>
internal static class ItemReportTable
{
    public static string Render(ItemReport report)
    {
        var choices = ItemReportText.MostChoices(report);
        var header = new List<string> { "question", "topic", "answers", "correct" };
        // A trailing space, as every share has one (or the key's "*"), so letters sit over the digits.
        header.AddRange(Enumerable.Range(0, choices).Select(c => $"{Question.Letter(c)} "));
        header.AddRange(["disc", "flags"]);
        var answered = report.Questions.Where(q => q.Answered > 0).ToList();
        var rows = answered.Select(q => Row(q, choices)).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Count - 1).Select(c => rows.Max(r => r[c].Length)).ToList();
        // Numbers right-aligned, names left-aligned.
        var rightAligned = new HashSet<int>(Enumerable.Range(2, header.Count - 3));

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{answered.Count} of {Count(report.Questions.Count, "question")} answered; {Count(report.Answers, "answer")} from {Count(report.Members, "member")} ");
        text.Append(report.Groups.Exist
            ? $"({report.RankedMembers} ranked: top group {report.Groups.Top.Count}, bottom group {report.Groups.Bottom.Count}).\n\n"
            : $"({report.RankedMembers} ranked: too few, or too alike, for top and bottom groups; disc is n/a).\n\n");
        foreach (var row in rows)
        {
            var cells = row.Take(widths.Count).Select((cell, c) => rightAligned.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            text.Append(string.Join("  ", cells.Append(row[^1])).TrimEnd()).Append('\n');
        }
        text.Append("\n* marks the key. disc: correct rate of the top 27 % of members (by overall accuracy) minus the bottom 27 %; " +
            $"n/a when either group gave fewer than {ItemAnalysis.MinimumGroupAnswers} answers.\n");
        if (report.UnknownAnswers > 0)
            text.Append(CultureInfo.InvariantCulture, $"{report.UnknownAnswers} answers are to questions no loaded pack has any more; they are not shown.\n");
        return text.ToString();
    }

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static List<string> Row(ItemStats item, int choices)
    {
        var row = new List<string>
        {
            item.Question.Id, item.Question.TopicId, item.Answered.ToString(CultureInfo.InvariantCulture), ItemReportText.Percent(item.CorrectRate),
        };
        var count = ItemAnalysis.ChoiceCount(item.Question);
        row.AddRange(Enumerable.Range(0, choices).Select(c =>
            c >= count ? "" : ItemReportText.Percent(item.Share(c)) + (item.Question.CorrectChoices.Contains(c) ? "*" : " ")));
        row.Add(ItemReportText.Discrimination(item.Discrimination));
        row.Add(string.Join(", ", item.Flags.Select(f => ItemReportText.Flag(item, f))));
        return row;
    }
}
