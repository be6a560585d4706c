using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.Benchmarks.Infrastructure;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Ocr;
using ScanPipeline.Worker.Hosting;

namespace ScanPipeline.Benchmarks.Runs;

/// <summary>
/// (c) ScanPipeline's OCR stage, run in its own process (so its peak RSS is the OCR worker's): the recognizer
/// composed by AddImaging from the pipeline's appsettings.json, with as many documents in flight as engine
/// threads, exactly as the OcrStage's consumer hands them over. Each page is one document, read from disk
/// as the stage reads it from the blob store.
/// </summary>
public static class OcrWorkerRun
{
    public static async Task<RunResult> RunAsync(BenchmarkPages pages, int engineThreads, bool searchablePdf)
    {
        var builder = ScanPipelineHost.CreateBuilder(new Dictionary<string, string?>
        {
            ["Imaging:EngineThreads"] = engineThreads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Imaging:MakeSearchablePdf"] = searchablePdf ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddImaging(builder.Configuration);
        using var host = builder.Build();
        var recognizer = host.Services.GetRequiredService<IDocumentRecognizer>();
        var checkpoints = Checkpoints.For(pages.Count);
        var samples = new ConcurrentBag<RssSample>();
        int next = -1, done = 0;
        double firstDone = 0;
        long characters = 0;
        var cpuBefore = ProcessStatus.CpuTime();
        var stopwatch = Stopwatch.StartNew();

        // One loop per engine thread: the OcrStage's consumer concurrency is Imaging:EngineThreads.
        var loops = Enumerable.Range(0, engineThreads).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < pages.Count)
            {
                var original = await File.ReadAllBytesAsync(pages.Scans[index]);
                var document = await recognizer.RecognizeAsync(original, MediaTypes.Jpeg, pageNumbers: null,
                    makeSearchablePdf: true, CancellationToken.None);
                if (document.Pages.Count != 1 || string.IsNullOrWhiteSpace(document.FullText))
                    throw new InvalidOperationException($"{pages.Scans[index]}: no text recognised");
                if (searchablePdf && document.SearchablePdf is not { Length: > 0 })
                    throw new InvalidOperationException($"{pages.Scans[index]}: no searchable PDF");
                Interlocked.Add(ref characters, document.FullText.Length);
                var finished = Interlocked.Increment(ref done);
                if (finished == 1) firstDone = stopwatch.Elapsed.TotalSeconds;
                if (checkpoints.Contains(finished))
                    samples.Add(new RssSample(finished, ProcessStatus.RssMiB(), Math.Round(GC.GetTotalMemory(false) / 1048576.0, 1), ProcessStatus.PeakRssMiB()));
            }
        })).ToList();
        await Task.WhenAll(loops);
        var elapsed = stopwatch.Elapsed;
        var cpu = ProcessStatus.CpuTime() - cpuBefore;

        return new RunResult(searchablePdf ? "c" : "c-text", pages.Count, elapsed.TotalSeconds)
        {
            PeakRssMiB = ProcessStatus.PeakRssMiB(),
            Rss = samples.OrderBy(s => s.Page).ToList(),
            OmpThreadLimit = OcrRuntime.OmpThreadLimit,
            EngineThreads = engineThreads,
            EngineNamedThreads = ProcessStatus.EngineNamedThreads(),
            ProcessThreads = ProcessStatus.ThreadNames().Count,
            CpuSecondsPerPage = Math.Round(cpu.TotalSeconds / pages.Count, 3),
            CpuUtilisation = Math.Round(cpu / elapsed / Environment.ProcessorCount, 3),
            Output = searchablePdf ? "text + searchable PDF per page (Tesseract's PDF renderer, JPEG embedded unchanged)" : "text only",
            TextCharacters = characters,
            FirstDocumentSeconds = Math.Round(firstDone, 2),
        };
    }
}
