using System.Diagnostics;
using System.Text;
using ScanPipeline.IntegrationTests.Infrastructure;

namespace ScanPipeline.IntegrationTests.Classification;

public sealed record ToolResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>The last non-empty line of stdout (the JSON line of the baseline and of the benchmarks).</summary>
    public string LastLine => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}

/// <summary>Runs a tool (python3, the sample generator, scanpipe) in the repository root with a time limit.</summary>
public static class ToolProcess
{
    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Repository.RootPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {timeout}");
        }
        return new ToolResult(process.ExitCode, await stdout, await stderr, stopwatch.Elapsed);
    }

    /// <summary>The scanpipe binary copied next to the tests, as <see cref="Cli.ScanpipeProcess"/> runs it.</summary>
    public static Task<ToolResult> ScanpipeAsync(TimeSpan timeout, params string[] args) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "scanpipe.dll"), .. args], timeout);
}
