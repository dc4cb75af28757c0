namespace StudyBot.Benchmarks.Measuring;

/// <summary>Paths in the repository the benchmark runs from (content packs, the built host).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string AwsPack => Path.Combine(Root, "content", "aws-saa");

    public static string Content => Path.Combine(Root, "content");

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The host's and the empty program's builds, made by this project's build (same configuration).</summary>
    public static string HostDll => Path.Combine(Root, "src", "StudyBot", "bin", Configuration, "net10.0", "studybot.dll");

    public static string EmptyConsoleDll =>
        Path.Combine(Root, "tests", "StudyBot.Benchmarks.EmptyConsole", "bin", Configuration, "net10.0", "StudyBot.Benchmarks.EmptyConsole.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StudyBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the benchmarks from inside the StudyBot repository (StudyBot.sln not found above the binary).");
    }
}
