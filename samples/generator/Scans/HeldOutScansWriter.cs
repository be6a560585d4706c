using ScanPipeline.SampleGenerator.Corpus;
using ScanPipeline.SampleGenerator.Letters;
using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Scans;

/// <summary>
/// Renders the held-out letters of samples/training/test (all 25 per type, the same seeds as the text files)
/// as noisy scans: <c>&lt;out&gt;/&lt;Type&gt;/s&lt;seed&gt;.tif</c>, one multi-page TIFF per letter, so that
/// <c>scanpipe model evaluate --data &lt;out&gt;</c> measures the model on OCR text instead of the clean source
/// (issue 4, point 9). Every letter gets its own font, size, skew, paper, blur, grain and specks from its
/// seed; two in three are grey with JPEG compression (JPEG artefacts), one in three bitonal Group 4 (fax-like
/// thresholding). Deterministic: a rerun writes the same pixels. Not committed: tests write it to a temp folder.
/// </summary>
public static class HeldOutScansWriter
{
    private static readonly FontFamily[] FontCycle =
    [
        Fonts.DejaVuSans, Fonts.LiberationSerif, Fonts.LiberationSans, Fonts.DejaVuSerif, Fonts.DejaVuSansCondensed,
    ];

    public static void Write(string outDir)
    {
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        foreach (var font in FontCycle) { font.Typeface(false); font.Typeface(true); }

        var jobs = new List<(DocumentTemplate Template, int TypeIndex, int Number)>();
        for (var t = 0; t < DocumentTypes.All.Count; t++)
        {
            Directory.CreateDirectory(Path.Combine(outDir, DocumentTypes.All[t].Name));
            for (var n = 0; n < CorpusWriter.TestPerType; n++) jobs.Add((DocumentTypes.All[t], t, n));
        }

        var pages = new int[jobs.Count];
        // Letters are independent (each has its own seeds), so they render in parallel and stay deterministic.
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
        {
            var (template, typeIndex, number) = jobs[j];
            var seed = CorpusWriter.SeedFor(CorpusWriter.Seeds.Test, typeIndex, number);
            // The same letter as test/<Type>/s<seed>.txt (CorpusWriter: every tenth letter is a long version).
            var letter = LetterBuilder.Build(template, seed, longVersion: number % 10 == 9);
            var rng = new Rng(seed ^ 0x7E57);
            var style = new TypeStyle(FontCycle[rng.Between(0, FontCycle.Length - 1)], (float)Math.Round(rng.Between(10.0, 12.0) * 2) / 2,
                rng.Chance(0.5), rng.Chance(0.3));
            var bitonal = rng.Chance(1.0 / 3);
            var skewSign = rng.Chance(0.5) ? -1 : 1;
            var rendered = PageLayout.Lay(letter, style).Select(page => PageRasterizer.Render(page, style, new ScanLook(
                SkewDegrees: skewSign * rng.Between(0.2, 2.0),
                Paper: (byte)rng.Between(220, 245),
                Ink: (byte)rng.Between(12, 50),
                BlurSigma: (float)rng.Between(0.5, 1.1),
                Grain: bitonal ? rng.Between(14.0, 20.0) : rng.Between(3.0, 6.0),
                Specks: rng.Between(200, 900),
                EdgeShadow: rng.Chance(0.35),
                Bitonal: bitonal,
                Threshold: (byte)rng.Between(130, 160)), rng)).ToList();
            var path = Path.Combine(outDir, template.Name, $"s{seed}.tif");
            ImageFiles.WriteTiff(path, rendered, bitonal ? ImageFiles.TiffKind.Group4 : ImageFiles.TiffKind.GrayJpeg);
            pages[j] = rendered.Count;
        });
        Console.WriteLine($"{outDir}: {jobs.Count} letters, {pages.Sum()} pages (multi-page TIFF, 300 dpi)");
    }
}
