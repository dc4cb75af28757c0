using System.Net;
using System.Text;
using StudyBot.Core.Content;
using StudyBot.Core.Study;

namespace StudyBot.Core.Review;

/// <summary>
/// An Anki text import file: the headers of Anki's manual ("Importing" → "File headers") so its importer
/// needs no settings, then one note per line: front (prompt and choices), back (answer and explanation), tags.
/// </summary>
public static class AnkiExport
{
    public const string MediaType = "text/tab-separated-values";

    public static string Text(IEnumerable<(Question Question, ContentPack Pack)> cards, Language language, string deck)
    {
        var text = new StringBuilder()
            .Append("#separator:tab\n")
            .Append("#html:true\n")
            .Append("#notetype:Basic\n")
            .Append("#deck:").Append(OneLine(deck)).Append('\n')
            .Append("#columns:Front\tBack\tTags\n")
            .Append("#tags column:3\n");
        foreach (var (question, pack) in cards)
        {
            var choices = StudyCards.ChoiceTexts(question, language);
            var front = new StringBuilder(Html(question.Prompt.Get(language)));
            for (var i = 0; i < choices.Count; i++) front.Append("<br>").Append(Question.Letter(i)).Append(". ").Append(Html(choices[i]));
            var back = $"{Html(question.AnswerLetters())}<br><br>{Html(question.Explanation.Get(language))}";
            var topic = pack.FindTopic(question.TopicId)?.Title.Get(Language.En) ?? question.TopicId;
            text.Append(front).Append('\t').Append(back).Append('\t').Append(Tag(pack.Id)).Append(' ').Append(Tag(topic)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Anki tags are separated by spaces: a tag keeps its words joined by underscores.</summary>
    public static string Tag(string name) =>
        string.Join('_', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } tag ? tag : "untitled";

    /// <summary>Escaped for an HTML field, with line breaks as &lt;br&gt; and no tab or quote left to split or quote the field.</summary>
    private static string Html(string value) =>
        WebUtility.HtmlEncode(value).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal)
            .Replace("\t", " ", StringComparison.Ordinal);

    private static string OneLine(string value) => value.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
