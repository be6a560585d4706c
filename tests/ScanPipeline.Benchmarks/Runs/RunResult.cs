using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPipeline.Benchmarks.Runs;

/// <summary>
/// Resident memory after a number of finished pages: at that moment (RSS), its high-water mark so far (VmHWM) and the
/// managed heap.
/// </summary>
public sealed record RssSample(int Page, double RssMiB, double ManagedHeapMiB, double PeakRssMiB);

/// <summary>
/// One measured run: how many pages in how many seconds, and for ScanPipeline's own processes what the
/// process used (peak RSS, RSS over the pages, OpenMP thread limit, threads, CPU use).
/// </summary>
public sealed record RunResult(string Run, int Pages, double Seconds)
{
    public double PagesPerSecond => Seconds > 0 ? Math.Round(Pages / Seconds, 3) : 0;

    /// <summary>Peak resident set size (VmHWM) of the process that did the work, in MiB.</summary>
    public double? PeakRssMiB { get; init; }

    public IReadOnlyList<RssSample>? Rss { get; init; }

    /// <summary>omp_get_thread_limit() as the worker's libgomp applies it (OcrRuntime.OmpThreadLimit).</summary>
    public int? OmpThreadLimit { get; init; }

    /// <summary>Configured engine threads (Imaging:EngineThreads).</summary>
    public int? EngineThreads { get; init; }

    /// <summary>Threads of the process named ocr-engine-*, OpenMP threads started from them included.</summary>
    public int? EngineNamedThreads { get; init; }

    /// <summary>Threads of the whole process at the end of the run.</summary>
    public int? ProcessThreads { get; init; }

    /// <summary>CPU time of the process divided by (wall time x cores): 1.0 is every core busy all the time.</summary>
    public double? CpuUtilisation { get; init; }

    /// <summary>
    /// CPU seconds (user + system) the measured processes used per page. Less sensitive than pages/s to other
    /// work on a shared machine: it shows what a page costs, not how much of the machine the run got.
    /// </summary>
    public double? CpuSecondsPerPage { get; init; }

    /// <summary>
    /// Seconds from the start until the first document was done (c: recognised; d: filed in an inbox). Against
    /// the mean seconds per page it shows what starting costs: engines, the classifier model, the first poll.
    /// </summary>
    public double? FirstDocumentSeconds { get; init; }

    /// <summary>What the run produced (text only, text and searchable PDF, PDF/A ...).</summary>
    public string? Output { get; init; }

    /// <summary>Plausibility: characters of text recognised over all pages.</summary>
    public long? TextCharacters { get; init; }

    /// <summary>Anything else worth reading next to the figure.</summary>
    public string? Note { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunResult FromJson(string json) =>
        JsonSerializer.Deserialize<RunResult>(json, Json) ?? throw new InvalidOperationException("empty run result");
}
