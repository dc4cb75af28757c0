using System.Text.RegularExpressions;
using StudyBot.Core.Commands;

namespace StudyBot.Core.Tests.Commands;

/// <summary>README.md's command table is what users read first; it must list exactly the specs, with their parameters.</summary>
public sealed partial class ReadmeCommandTableTests
{
    private static readonly IReadOnlyList<(string Usage, string Who)> Rows = ReadRows();

    [Fact]
    public void Every_command_appears_in_the_readme_with_its_parameters_and_who_may_run_it()
    {
        Assert.All(CommandSpecs.All, spec =>
        {
            var row = Assert.Single(Rows, r => r.Usage == spec.Usage());
            Assert.Equal(spec.AdminOnly ? "admins" : "everyone", row.Who);
        });
    }

    [Fact]
    public void The_readme_lists_no_command_the_specs_lack()
    {
        var usages = CommandSpecs.All.Select(s => s.Usage()).ToHashSet();

        Assert.NotEmpty(Rows);
        Assert.All(Rows, row => Assert.Contains(row.Usage, usages));
    }

    // The rows of the table under "## Commands": | `usage` | who | what |, with "\|" unescaped.
    private static List<(string Usage, string Who)> ReadRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var start = Array.IndexOf(lines, "## Commands");
        Assert.True(start >= 0, "README.md has no \"## Commands\" section.");
        return lines.Skip(start + 1)
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => Row().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups["usage"].Value.Replace("\\|", "|", StringComparison.Ordinal), m.Groups["who"].Value.Trim()))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StudyBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("StudyBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| `(?<usage>/(?:[^`])+)` \| (?<who>[^|]+) \|")]
    private static partial Regex Row();
}
