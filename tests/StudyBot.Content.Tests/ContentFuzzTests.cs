using FsCheck;
using FsCheck.Fluent;
using StudyBot.Testing;

namespace StudyBot.Content.Tests;

/// <summary>
/// Property tests: the starter pack's real files, mutated at random (bytes inserted or cut, lines
/// doubled or dropped, indentation broken, YAML punctuation sprinkled, whole files replaced by
/// random text), always load without an unhandled exception, and every rejection names a file of
/// the pack and a line in it.
/// </summary>
public sealed class ContentFuzzTests : IDisposable
{
    private static readonly string Starter = Path.Combine(AwsPackTests.RepositoryRoot(), "content", "starter");
    private static readonly string[] SeedFiles = Directory.EnumerateFiles(Starter, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
    private static readonly string[] YamlBits = [":", "- ", "[", "]", "{", "}", "'", "\"", "#", "\t", "&a", "*a", "!!", "|", ">", "%", "@", "`", "---", "...", "\n", "\r\n", "\0", "\uFEFF", "\u200B", "ＥＢＳ", "답", "🙂", "id: x", "answer: Z", "kind: ?", "    "];
    private static readonly System.Text.UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>One change to one file. Positions and lengths are cut down to the file's size when applied.</summary>
    public sealed record Mutation(int File, int Kind, int Position, int Length, string Text)
    {
        public string ApplyTo(string text)
        {
            var at = text.Length == 0 ? 0 : Position % (text.Length + 1);
            var lines = text.Split('\n').ToList();
            var line = Position % lines.Count;
            switch (Kind)
            {
                case 0: return text.Insert(at, Text);
                case 1: return text.Remove(at, Math.Min(Length, text.Length - at));
                case 2: return Text; // random content, no resemblance to the original
                case 3: return text[..at];
                case 4: lines.Insert(line, lines[line]); break;
                case 5: lines.RemoveAt(line); break;
                case 6: lines[line] = lines[line].TrimStart(); break;
                case 7: lines[line] = new string(' ', Length % 9) + lines[line]; break;
                default: lines[line] = lines[line].Length == 0 ? Text : lines[line].Remove(at % lines[line].Length, 1).Insert(at % lines[line].Length, Text); break;
            }
            return string.Join('\n', lines);
        }
    }

    private static Gen<Mutation> Mutations() =>
        from file in Gen.Choose(0, SeedFiles.Length - 1)
        from kind in Gen.Choose(0, 8)
        from position in Gen.Choose(0, 5_000)
        from length in Gen.Choose(0, 300)
        from text in Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
            Gen.Elements(YamlBits),
            Gen.ListOf(Gen.Elements(YamlBits)).Select(bits => string.Concat(bits)))
        select new Mutation(file, kind, position, length, text);

    [Fact]
    public void Mutated_content_never_throws_and_every_rejection_names_a_file_and_line()
    {
        var property = Prop.ForAll(Gen.NonEmptyListOf(Mutations()).Select(m => m.Take(4).ToArray()).ToArbitrary(), mutations =>
        {
            var pack = LoadMutated(mutations);
            var files = SeedFiles.Select(Target).ToHashSet();
            foreach (var error in pack.Errors)
            {
                if (!files.Contains(error.File) || error.Line < 1)
                    throw new InvalidOperationException($"a rejection without file:line: {error}");
            }
            foreach (var skipped in pack.SkippedFiles)
            {
                if (!pack.Errors.Any(e => e.File == skipped))
                    throw new InvalidOperationException($"{skipped} was skipped with no error naming it");
            }
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void The_unmutated_starter_pack_loads_without_error()
    {
        var result = LoadMutated([]);
        Assert.Empty(result.Errors);
        Assert.Single(result.Packs);
    }

    private string Target(string seedFile) => Path.Combine(_dir.Path, "pack", Path.GetRelativePath(Starter, seedFile));

    private ContentLoadResult LoadMutated(IReadOnlyList<Mutation> mutations)
    {
        var texts = SeedFiles.Select(File.ReadAllText).ToArray();
        foreach (var mutation in mutations) texts[mutation.File] = mutation.ApplyTo(texts[mutation.File]);
        for (var i = 0; i < SeedFiles.Length; i++)
        {
            // A cut can split a surrogate pair; write what a file would hold (U+FFFD), not throw here.
            var target = Target(SeedFiles[i]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, Lenient.GetBytes(texts[i]));
        }
        return ContentLoader.Load(Path.Combine(_dir.Path, "pack"));
    }
}
