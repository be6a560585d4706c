using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.Benchmarks.Infrastructure;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Imaging;
using ScanPipeline.Worker.Hosting;

namespace ScanPipeline.Benchmarks.Runs;

/// <summary>
/// Born-digital PDF pages through the recognizer, as the OcrStage calls it: the text layer is read with
/// PdfPig and no page is OCRed. A worker runs for hours, so one untimed pass over the first pages lets the
/// JIT compile PdfPig first; then whole passes over the pages are timed until at least 300 pages are done.
/// </summary>
public static class TextLayerRun
{
    private const int MinimumTimedPages = 300;

    public static async Task<RunResult> RunAsync(BenchmarkPages pages, int concurrency)
    {
        var builder = ScanPipelineHost.CreateBuilder(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        builder.Services.AddImaging(builder.Configuration);
        using var host = builder.Build();
        var recognizer = host.Services.GetRequiredService<IDocumentRecognizer>();
        var originals = pages.Digital.Select(File.ReadAllBytes).ToList();

        await PassAsync(recognizer, originals.Take(12).ToList(), concurrency);
        var passes = (MinimumTimedPages + originals.Count - 1) / originals.Count;
        long characters = 0;
        var cpuBefore = ProcessStatus.CpuTime();
        var stopwatch = Stopwatch.StartNew();
        for (var pass = 0; pass < passes; pass++) characters = await PassAsync(recognizer, originals, concurrency);
        var elapsed = stopwatch.Elapsed;
        var cpu = ProcessStatus.CpuTime() - cpuBefore;

        return new RunResult("text-layer", passes * originals.Count, elapsed.TotalSeconds)
        {
            PeakRssMiB = ProcessStatus.PeakRssMiB(),
            CpuUtilisation = Math.Round(cpu / elapsed / Environment.ProcessorCount, 3),
            CpuSecondsPerPage = Math.Round(cpu.TotalSeconds / (passes * originals.Count), 4),
            Output = "text per page from the PDF's text layer (PdfPig), no OCR, no new PDF",
            TextCharacters = characters,
            Note = $"{passes} pass(es) over {originals.Count} single-page PDFs, {concurrency} in flight, after one warm-up pass",
        };
    }

    private static async Task<long> PassAsync(IDocumentRecognizer recognizer, IReadOnlyList<byte[]> originals, int concurrency)
    {
        long characters = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < originals.Count)
            {
                var document = await recognizer.RecognizeAsync(originals[index], MediaTypes.Pdf, pageNumbers: null,
                    makeSearchablePdf: true, CancellationToken.None);
                if (!document.Pages.All(p => p.FromTextLayer) || string.IsNullOrWhiteSpace(document.FullText))
                    throw new InvalidOperationException($"born-digital page {index + 1} was not read from its text layer");
                Interlocked.Add(ref characters, document.FullText.Length);
            }
        })));
        return characters;
    }
}
