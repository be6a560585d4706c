using System.Diagnostics;

namespace ScanPipeline.Benchmarks.Infrastructure;

/// <summary>What a finished child process left: exit code, stdout, stderr and how long it ran.</summary>
public sealed record ChildResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>The child's last non-empty stdout line (where the benchmark's own children put their JSON result).</summary>
    public string LastLine => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}

/// <summary>Starts child processes with OMP_THREAD_LIMIT=1 and a hard time limit.</summary>
public static class ChildProcess
{
    /// <summary>The environment every measured process gets, whoever started the benchmark.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["OMP_THREAD_LIMIT"] = "1",
    };

    public static async Task<ChildResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        string? workingDirectory = null, bool echoStandardError = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in Environment) start.Environment[name] = value;

        using var process = new Process { StartInfo = start };
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = echoStandardError ? EchoAsync(process.StandardError) : process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}.");
        }
        var elapsed = stopwatch.Elapsed;
        return new ChildResult(process.ExitCode, await stdout, await stderr, elapsed);
    }

    /// <summary>Passes a child's log on to our stderr as it comes, and keeps it for error messages.</summary>
    private static async Task<string> EchoAsync(StreamReader reader)
    {
        var all = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            await Console.Error.WriteLineAsync("    " + line);
            all.AppendLine(line);
        }
        return all.ToString();
    }
}
