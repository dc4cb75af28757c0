using System.Diagnostics;
using System.Globalization;

namespace StudyBot.Benchmarks.Measuring;

/// <summary>
/// A real process (the built bot, or the empty program) started with <c>dotnet x.dll</c>, its output
/// watched line by line. Used for start-up timing and for the crash drills.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<(string Text, TaskCompletionSource<long> Seen)> _waits = [];
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    private BotProcess(Process process) => _process = process;

    public long StartedAt { get; private set; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate) return _lines.ToList();
        }
    }

    /// <summary>Raised for every line the process prints on stdout, on the reader's thread.</summary>
    public event Action<string>? Line;

    public static BotProcess Start(string dll, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = info };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            var now = Stopwatch.GetTimestamp();
            lock (bot._gate)
            {
                bot._lines.Add(e.Data);
                foreach (var (text, seen) in bot._waits)
                {
                    if (e.Data.Contains(text, StringComparison.Ordinal)) seen.TrySetResult(now);
                }
            }
            bot.Line?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && Environment.GetEnvironmentVariable("STUDYBOT_BENCH_VERBOSE") is not null) Console.Error.WriteLine($"    [child] {line}");
        };
        bot.StartedAt = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Completes with the timestamp of the first line containing <paramref name="text"/> (from now on or already printed).</summary>
    public Task<long> WaitForAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal))) seen.TrySetResult(Stopwatch.GetTimestamp());
            _waits.Add((text, seen));
        }
        return seen.Task.WaitAsync(timeout);
    }

    public void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Resident memory now, from /proc (Linux).</summary>
    public double RssMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the host loses power or the OOM killer strikes.</summary>
    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }
}
