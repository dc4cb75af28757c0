using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Console;

/// <summary>Writes a reply's file into the export folder and returns its full path, to print.</summary>
internal static class ConsoleFiles
{
    public static string Write(string folder, ChatFile file)
    {
        var directory = Path.GetFullPath(folder);
        Directory.CreateDirectory(directory);
        // Only the name counts: a file name from the core never chooses another folder.
        var name = Path.GetFileName(file.FileName);
        var path = Path.Combine(directory, name.Length > 0 ? name : "studybot-file");
        File.WriteAllBytes(path, file.Content);
        return path;
    }
}
