using System.Diagnostics;
using ScanPipeline.Benchmarks.Infrastructure;

namespace ScanPipeline.Benchmarks.Runs;

/// <summary>
/// (a) The plain <c>tesseract</c> command line, one process per page, as many at a time as there are cores,
/// with OMP_THREAD_LIMIT=1 and <c>-l deu+eng</c>: what a shell script around Tesseract achieves. Text only,
/// or (a-pdf) text and a searchable PDF per page (<c>txt pdf</c>), to compare like with like with (c).
/// </summary>
public static class TesseractCliRun
{
    public static async Task<RunResult> RunAsync(BenchmarkPages pages, int cores, bool searchablePdf, string workDirectory)
    {
        if (Directory.Exists(workDirectory)) Directory.Delete(workDirectory, recursive: true);
        Directory.CreateDirectory(workDirectory);
        long characters = 0;
        var cpuBefore = ProcessStatus.ChildrenCpuTime();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, pages.Count), new ParallelOptions { MaxDegreeOfParallelism = cores },
            async (index, _) =>
            {
                var outputBase = Path.Combine(workDirectory, Path.GetFileNameWithoutExtension(pages.Scans[index]));
                string[] arguments = searchablePdf
                    ? [pages.Scans[index], outputBase, "-l", "deu+eng", "txt", "pdf"]
                    : [pages.Scans[index], outputBase, "-l", "deu+eng"];
                var result = await ChildProcess.RunAsync("tesseract", arguments, TimeSpan.FromMinutes(5));
                if (result.ExitCode != 0)
                    throw new InvalidOperationException($"tesseract failed on {pages.Scans[index]} ({result.ExitCode}): {result.StandardError}");
                if (searchablePdf && !File.Exists(outputBase + ".pdf"))
                    throw new InvalidOperationException($"tesseract wrote no PDF for {pages.Scans[index]}");
                Interlocked.Add(ref characters, (await File.ReadAllTextAsync(outputBase + ".txt")).Length);
            });
        var elapsed = stopwatch.Elapsed;
        var cpu = ProcessStatus.ChildrenCpuTime() - cpuBefore;
        return new RunResult(searchablePdf ? "a-pdf" : "a", pages.Count, elapsed.TotalSeconds)
        {
            Output = searchablePdf ? "text + searchable PDF per page (tesseract ... txt pdf)" : "text only (tesseract ... -l deu+eng)",
            TextCharacters = characters,
            CpuUtilisation = Math.Round(cpu / elapsed / Environment.ProcessorCount, 3),
            CpuSecondsPerPage = Math.Round(cpu.TotalSeconds / pages.Count, 3),
        };
    }
}
