using ScanPipeline.SampleGenerator.Corpus;
using ScanPipeline.SampleGenerator.Letters;
using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Scans;

/// <summary>
/// Writes the pages of the speed benchmark (tests/ScanPipeline.Benchmarks): N single-page A4 letters at
/// 300 dpi, the first page of letters of all twelve types in turn, so every tool reads the same pixels:
/// <list type="bullet">
/// <item><c>scans/page-NNNN.jpg</c>: one greyscale JPEG (quality 75, like the samples) per page;</item>
/// <item><c>scans.pdf</c>: an image-only PDF with the same JPEG bytes as its pages (what OCRmyPDF reads);</item>
/// <item><c>digital/page-NNNN.pdf</c>: the same pages as born-digital PDFs with a text layer;</item>
/// <item><c>pages.json</c>: count and seeds, so a caller can tell whether a folder is complete.</item>
/// </list>
/// Page i always comes from the same seed, so a rerun (and any N) gives the same bytes for the same page.
/// </summary>
public static class BenchmarkPagesWriter
{
    private static readonly FontFamily[] FontCycle =
    [
        Fonts.DejaVuSans, Fonts.LiberationSerif, Fonts.LiberationSans, Fonts.DejaVuSerif, Fonts.DejaVuSansCondensed, Fonts.LiberationSans,
    ];

    public static void Write(string outDir, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "At least one page.");
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        var scansDir = Directory.CreateDirectory(Path.Combine(outDir, "scans")).FullName;
        var digitalDir = Directory.CreateDirectory(Path.Combine(outDir, "digital")).FullName;
        // Load the typefaces once before the parallel loop (their lazy caches are not synchronised).
        foreach (var font in FontCycle) { font.Typeface(false); font.Typeface(true); }

        var jpegs = new byte[count][];
        var seeds = new int[count];
        // Pages are independent (each has its own seeds), so they render in parallel and stay deterministic.
        Parallel.For(0, count, i =>
        {
            var (seed, page, style) = LayOut(i);
            var look = new Rng(seed ^ 0x5CA9);
            var rendered = PageRasterizer.Render(page, style, new ScanLook(
                SkewDegrees: (look.Chance(0.5) ? -1 : 1) * look.Between(0.3, 1.5),
                Paper: (byte)look.Between(228, 245),
                Ink: (byte)look.Between(12, 40),
                BlurSigma: (float)look.Between(0.5, 0.9),
                Grain: look.Between(2.5, 4.0),
                Specks: look.Between(150, 600),
                EdgeShadow: look.Chance(0.35),
                Bitonal: false), look);
            jpegs[i] = ImageFiles.EncodeJpeg(rendered, 75);
            File.WriteAllBytes(Path.Combine(scansDir, FileName(i, "jpg")), jpegs[i]);
            PdfFiles.WriteBornDigital(Path.Combine(digitalDir, FileName(i, "pdf")), [page], style);
            seeds[i] = seed;
        });
        PdfFiles.WriteImageOnly(Path.Combine(outDir, "scans.pdf"), jpegs);
        Json.Write(Path.Combine(outDir, "pages.json"), new
        {
            description = "Benchmark pages: first pages of synthetic German letters, A4, 300 dpi, greyscale JPEG quality 75.",
            count,
            seeds,
        });
        Console.WriteLine($"{outDir}: {count} pages ({jpegs.Sum(j => (long)j.Length) / 1024 / 1024} MiB of JPEG), scans.pdf, digital/*.pdf");
    }

    public static string FileName(int index, string extension) => $"page-{index + 1:0000}.{extension}";

    /// <summary>Page i: the first page of a letter of type i mod 12, from the benchmark's own seed range.</summary>
    private static (int Seed, LaidOutPage Page, TypeStyle Style) LayOut(int index)
    {
        var typeIndex = index % DocumentTypes.All.Count;
        var seed = CorpusWriter.SeedFor(CorpusWriter.Seeds.Benchmark, typeIndex, index / DocumentTypes.All.Count);
        var styleRng = new Rng(seed);
        var style = new TypeStyle(FontCycle[index % FontCycle.Length], (float)Math.Round(styleRng.Between(10.0, 12.0) * 2) / 2,
            styleRng.Chance(0.5), styleRng.Chance(0.3));
        var letter = LetterBuilder.Build(DocumentTypes.All[typeIndex], seed, longVersion: false);
        return (seed, PageLayout.Lay(letter, style)[0], style);
    }
}
