using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging;
using ScanPipeline.IntegrationTests.Imaging;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Preparation;

/// <summary>
/// Issue 3, point 10: ScanPipeline's recognizer against the plain tesseract CLI with the same languages, side by side
/// on the same page files: real receipts (sroie), clean letters and Tesseract's test pages, and hard variants of the
/// letters (skewed, speckled, blurred, JPEG-damaged, turned 90/180/270°). Scored by bag-of-words F1 (<see cref="WordScore"/>).
/// </summary>
/// <remarks>
/// By default a quick set of 9 pages runs (CI, about 20 s). The full set (123 pages, about 5 minutes on 2 cores):
/// <code>SCANPIPE_ACCURACY=full OMP_THREAD_LIMIT=1 dotnet test tests/ScanPipeline.IntegrationTests --filter "FullyQualifiedName~AccuracyComparison" --logger "console;verbosity=detailed"</code>
/// The table is printed and written to var/accuracy/report-quick.md or report-full.md.
/// </remarks>
public sealed class AccuracyComparisonTests(ITestOutputHelper output)
{
    /// <summary>On clean pages ScanPipeline may lose at most this much mean F1 against the plain CLI (it should not lose at all).</summary>
    private const double CleanTolerance = 0.01;

    /// <summary>On hard pages ScanPipeline must win by at least this much mean F1: "clearly better".</summary>
    private const double HardMargin = 0.10;

    [RequiresTesseractFact]
    public async Task ScanPipeline_reads_clean_pages_as_well_as_plain_tesseract_and_hard_pages_clearly_better()
    {
        var full = string.Equals(Environment.GetEnvironmentVariable("SCANPIPE_ACCURACY"), "full", StringComparison.OrdinalIgnoreCase);
        var pages = full ? AccuracyCorpus.Full() : AccuracyCorpus.Quick();

        var (ours, oursSeconds) = await ReadWithScanPipelineAsync(pages);
        var (cli, cliSeconds) = await ReadWithTesseractCliAsync(pages);

        var rows = pages.Select((p, i) => new Row(p, WordScore.Of(ours[i], p.GroundTruth), WordScore.Of(cli[i], p.GroundTruth))).ToList();
        var report = Report(rows, full ? "full" : "quick", oursSeconds, cliSeconds);
        output.WriteLine(report);
        var folder = Directory.CreateDirectory(Repository.Path(Path.Combine("var", "accuracy")));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"report-{(full ? "full" : "quick")}.md"), report);

        var clean = rows.Where(r => r.Page.Group != AccuracyPage.Hard).ToList();
        var hard = rows.Where(r => r.Page.Group == AccuracyPage.Hard).ToList();
        Assert.True(Mean(clean, r => r.Ours.F1) >= Mean(clean, r => r.Cli.F1) - CleanTolerance,
            $"clean pages: ScanPipeline {Mean(clean, r => r.Ours.F1):F3} < tesseract {Mean(clean, r => r.Cli.F1):F3}");
        Assert.True(Mean(hard, r => r.Ours.F1) >= Mean(hard, r => r.Cli.F1) + HardMargin,
            $"hard pages: ScanPipeline {Mean(hard, r => r.Ours.F1):F3} is not clearly better than tesseract {Mean(hard, r => r.Cli.F1):F3}");
        // A page fed sideways or upside down reads about as well as the same page fed upright.
        foreach (var turned in hard.Where(r => r.Page.Variant.StartsWith("turned", StringComparison.Ordinal)))
        {
            var upright = rows.FirstOrDefault(r => r.Page.Group == AccuracyPage.Clean && r.Page.Source == turned.Page.Source);
            if (upright is not null)
                Assert.True(turned.Ours.F1 >= upright.Ours.F1 - 0.03, $"{turned.Page.Source} {turned.Page.Variant}: F1 {turned.Ours.F1:F3}, upright {upright.Ours.F1:F3}");
        }
    }

    private sealed record Row(AccuracyPage Page, WordScore Ours, WordScore Cli);

    /// <summary>Every page through the recognizer as the OCR stage uses it (engine pool, one engine per core).</summary>
    private static async Task<(string[] Texts, double Seconds)> ReadWithScanPipelineAsync(IReadOnlyList<AccuracyPage> pages)
    {
        using var recognizer = RecognizerFixture.Create(new ImagingOptions { EngineThreads = Environment.ProcessorCount });
        var stopwatch = Stopwatch.StartNew();
        var texts = await Task.WhenAll(pages.Select(async p =>
            (await recognizer.RecognizeAsync(p.Image, MediaTypes.Sniff(p.Image)!, null, makeSearchablePdf: false, CancellationToken.None)).FullText));
        return (texts, stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>Every page through <c>tesseract IMAGE - -l deu+eng</c>, one process per page, as many at once as there are cores.</summary>
    private static async Task<(string[] Texts, double Seconds)> ReadWithTesseractCliAsync(IReadOnlyList<AccuracyPage> pages)
    {
        using var slots = new SemaphoreSlim(Environment.ProcessorCount);
        var stopwatch = Stopwatch.StartNew();
        var texts = await Task.WhenAll(pages.Select(async p =>
        {
            await slots.WaitAsync();
            try { return await TesseractCli.ReadAsync(p.Image, p.Extension); }
            finally { slots.Release(); }
        }));
        return (texts, stopwatch.Elapsed.TotalSeconds);
    }

    private static double Mean(IEnumerable<Row> rows, Func<Row, double> value) => rows.Select(value).DefaultIfEmpty(0).Average();

    private static string Report(IReadOnlyList<Row> rows, string set, double oursSeconds, double cliSeconds)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Accuracy, {set} set: bag-of-words F1 (upper-cased alphanumeric tokens) of ScanPipeline vs `tesseract IMAGE - -l deu+eng`");
        text.AppendLine(c, $"({rows.Count} pages; {Environment.ProcessorCount} cores; wall time ScanPipeline {oursSeconds:F1} s, tesseract CLI {cliSeconds:F1} s)");
        text.AppendLine("(Not a speed measurement: ScanPipeline reads a turned page twice.)");
        text.AppendLine();
        text.AppendLine("| group | pages | ScanPipeline F1 | tesseract F1 | ScanPipeline recall | tesseract recall |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => r.Page.Group))
            text.AppendLine(c, $"| {group.Key} | {group.Count()} | {Mean(group, r => r.Ours.F1):F3} | {Mean(group, r => r.Cli.F1):F3} | {Mean(group, r => r.Ours.Recall):F3} | {Mean(group, r => r.Cli.Recall):F3} |");
        text.AppendLine();
        text.AppendLine("| hard variant | pages | ScanPipeline F1 | tesseract F1 |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var variant in rows.Where(r => r.Page.Group == AccuracyPage.Hard).GroupBy(r => r.Page.Variant))
            text.AppendLine(c, $"| {variant.Key} | {variant.Count()} | {Mean(variant, r => r.Ours.F1):F3} | {Mean(variant, r => r.Cli.F1):F3} |");
        text.AppendLine();
        text.AppendLine("| group | page | variant | ScanPipeline F1 | tesseract F1 |");
        text.AppendLine("|---|---|---|---:|---:|");
        foreach (var row in rows)
            text.AppendLine(c, $"| {row.Page.Group} | {row.Page.Source} | {row.Page.Variant} | {row.Ours.F1:F3} | {row.Cli.F1:F3} |");
        return text.ToString();
    }
}
