using System.Diagnostics;

namespace ScanPipeline.Chaos;

/// <summary>
/// One <c>scanpipe run --watch --roles ...</c> process. Its log goes to a file (appended across restarts);
/// <see cref="Kill"/> sends SIGKILL, as the kernel's OOM killer or a power cut would: no shutdown code runs.
/// </summary>
public sealed class WorkerProcess(string name, string scanpipe, string roles, IReadOnlyDictionary<string, string> environment, string logFile)
{
    private Process? _process;

    public string Name { get; } = name;

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException($"{Name} is already running");
        // exec: the shell becomes the worker, so the PID killed is the worker's own.
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet \"{scanpipe}\" run --watch --roles {roles} >> \"{logFile}\" 2>&1");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
        File.AppendAllText(logFile, $"==== chaos: started {Name} as pid {_process.Id} at {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
    }

    /// <summary>SIGKILL, then wait until the process is gone.</summary>
    public void Kill()
    {
        if (_process is null || _process.HasExited) return;
        var pid = _process.Id;
        _process.Kill(entireProcessTree: false); // SIGKILL on Linux
        _process.WaitForExit(10_000);
        File.AppendAllText(logFile, $"==== chaos: SIGKILL {Name} (pid {pid}) at {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
    }

    /// <summary>Asks the worker to stop (SIGTERM, a graceful shutdown), and kills it if it does not within the time given.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is null || _process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }
}
