using System.Globalization;
using ScanPipeline.Benchmarks.Infrastructure;

namespace ScanPipeline.Benchmarks.Runs;

/// <summary>
/// (b) <c>ocrmypdf -j &lt;cores&gt; -l deu+eng scans.pdf out.pdf</c> on the same pages as one image-only PDF
/// (the same JPEG bytes). OCRmyPDF's defaults otherwise: PDF/A-2b output through Ghostscript, optimisation
/// level 1. (b-pdf) adds <c>--output-type pdf</c>: a plain searchable PDF, no PDF/A conversion.
/// </summary>
public static class OcrMyPdfRun
{
    public static async Task<RunResult> RunAsync(BenchmarkPages pages, int cores, bool pdfa, string workDirectory)
    {
        if (Directory.Exists(workDirectory)) Directory.Delete(workDirectory, recursive: true);
        Directory.CreateDirectory(workDirectory);
        var output = Path.Combine(workDirectory, "out.pdf");
        List<string> arguments = ["-j", cores.ToString(CultureInfo.InvariantCulture), "-l", "deu+eng", "--quiet"];
        if (!pdfa) arguments.AddRange(["--output-type", "pdf"]);
        arguments.AddRange([pages.ScansPdf, output]);
        var cpuBefore = ProcessStatus.ChildrenCpuTime();
        var result = await ChildProcess.RunAsync("ocrmypdf", arguments, TimeSpan.FromSeconds(120 + 60 * pages.Count));
        if (result.ExitCode != 0 || !File.Exists(output))
            throw new InvalidOperationException($"ocrmypdf failed ({result.ExitCode}): {result.StandardError}");
        var cpu = ProcessStatus.ChildrenCpuTime() - cpuBefore;

        // Plausibility only, after the clock stopped: the output must carry the recognised text.
        var text = await ChildProcess.RunAsync("pdftotext", [output, "-"], TimeSpan.FromMinutes(2));
        return new RunResult(pdfa ? "b" : "b-pdf", pages.Count, result.Elapsed.TotalSeconds)
        {
            Output = pdfa
                ? "one PDF/A-2b of all pages with text layer (ocrmypdf -j N -l deu+eng, defaults)"
                : "one searchable PDF of all pages (ocrmypdf -j N -l deu+eng --output-type pdf)",
            TextCharacters = text.StandardOutput.Length,
            CpuUtilisation = Math.Round(cpu / result.Elapsed / Environment.ProcessorCount, 3),
            CpuSecondsPerPage = Math.Round(cpu.TotalSeconds / pages.Count, 3),
        };
    }
}
