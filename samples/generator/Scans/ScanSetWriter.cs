using ScanPipeline.SampleGenerator.Corpus;
using ScanPipeline.SampleGenerator.Letters;
using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Scans;

public enum ScanFormat { TiffGroup4, TiffGrayJpeg, TiffGrayLzw, PdfImageOnly, PdfBornDigital, PngBitonal, PngGray, JpegGray }

/// <summary>One file of samples/scans: which letter, how many pages at least, and in what form.</summary>
public sealed record ScanSpec(int Number, int TypeIndex, ScanFormat Format, int MinPages, FontFamily Font);

/// <summary>One row of samples/scans/expected.json.</summary>
public sealed record ExpectedScan(
    string File, string DocumentType, string Department, string DepartmentName, int Pages, string Format,
    string Encoding, bool TextLayer, int Seed, string Subject);

/// <summary>
/// Writes samples/scans: 24 letters, two per document type, as TIFF, image-only PDF, PNG, JPEG and
/// born-digital PDF, plus expected.json and each letter's text in groundtruth/&lt;file&gt;.txt. Seeds come from their own range, so no scan repeats a training letter.
/// </summary>
public static class ScanSetWriter
{
    private static readonly ScanSpec[] Plan =
    [
        new(1, 0, ScanFormat.PdfImageOnly, 1, Fonts.DejaVuSerif),
        new(2, 0, ScanFormat.JpegGray, 1, Fonts.LiberationSans),
        new(3, 1, ScanFormat.TiffGroup4, 2, Fonts.LiberationSerif),
        new(4, 1, ScanFormat.PngGray, 1, Fonts.DejaVuSans),
        new(5, 2, ScanFormat.TiffGroup4, 3, Fonts.DejaVuSansCondensed),
        new(6, 2, ScanFormat.PngBitonal, 1, Fonts.LiberationSans),
        new(7, 3, ScanFormat.PdfImageOnly, 1, Fonts.LiberationSans),
        new(8, 3, ScanFormat.JpegGray, 1, Fonts.DejaVuSerif),
        new(9, 4, ScanFormat.TiffGroup4, 2, Fonts.DejaVuSerif),
        new(10, 4, ScanFormat.PngBitonal, 1, Fonts.LiberationMono),
        new(11, 5, ScanFormat.PngBitonal, 1, Fonts.DejaVuSans),
        new(12, 5, ScanFormat.PdfBornDigital, 1, Fonts.DejaVuSans),
        new(13, 6, ScanFormat.PdfImageOnly, 1, Fonts.LiberationSerif),
        new(14, 6, ScanFormat.PdfBornDigital, 1, Fonts.LiberationSerif),
        new(15, 7, ScanFormat.PdfImageOnly, 1, Fonts.DejaVuSans),
        new(16, 7, ScanFormat.JpegGray, 1, Fonts.LiberationSerif),
        new(17, 8, ScanFormat.TiffGrayJpeg, 2, Fonts.DejaVuSans),
        new(18, 8, ScanFormat.PdfBornDigital, 2, Fonts.DejaVuSerif),
        new(19, 9, ScanFormat.TiffGrayLzw, 1, Fonts.LiberationSans),
        new(20, 9, ScanFormat.JpegGray, 1, Fonts.DejaVuSansCondensed),
        new(21, 10, ScanFormat.TiffGroup4, 2, Fonts.DejaVuSans),
        new(22, 10, ScanFormat.JpegGray, 1, Fonts.LiberationSerif),
        new(23, 11, ScanFormat.PdfImageOnly, 2, Fonts.DejaVuSans),
        new(24, 11, ScanFormat.PngGray, 1, Fonts.LiberationSans),
    ];

    public static void Write(string scansDir)
    {
        if (Directory.Exists(scansDir)) Directory.Delete(scansDir, recursive: true);
        Directory.CreateDirectory(scansDir);
        var truthDir = Path.Combine(scansDir, "groundtruth");
        Directory.CreateDirectory(truthDir);
        var expected = new List<ExpectedScan>();
        foreach (var spec in Plan)
        {
            var template = DocumentTypes.All[spec.TypeIndex];
            var look = new Rng(CorpusWriter.Seeds.Scans + 50_000 + spec.Number);
            var style = new TypeStyle(spec.Font, (float)Math.Round(look.Between(10.0, 12.0) * 2) / 2, look.Chance(0.5), look.Chance(0.3));
            var (seed, letter, pages) = FindLetter(template, spec, style);
            var name = $"{spec.Number:00}-{PartyFactory.Slug(template.Name.Replace("ß", "ss", StringComparison.Ordinal))}-{Variant(spec.Format)}.{Extension(spec.Format)}";
            var path = Path.Combine(scansDir, name);
            WriteFile(path, spec.Format, pages, style, look);
            File.WriteAllText(Path.Combine(truthDir, name + ".txt"), letter.ToPlainText(), new System.Text.UTF8Encoding(false));
            var subject = letter.Blocks.OfType<TextBlock>().First(b => b.Kind == BlockKind.Subject).Lines[0];
            expected.Add(new ExpectedScan(name, template.Name, template.DepartmentCode, template.DepartmentName, pages.Count,
                Extension(spec.Format) switch { "tif" => "tiff", "jpg" => "jpeg", var e => e }, Encoding(spec.Format),
                spec.Format == ScanFormat.PdfBornDigital, seed, subject.Replace("Betreff: ", "", StringComparison.Ordinal)));
            Console.WriteLine($"{name}: {pages.Count} page(s), {new FileInfo(path).Length / 1024} KiB, seed {seed}");
        }
        Json.Write(Path.Combine(scansDir, "expected.json"), expected);
    }

    /// <summary>The first seed from the spec's range whose letter fills the wanted number of pages (at most 3).</summary>
    private static (int Seed, Letter Letter, IReadOnlyList<LaidOutPage> Pages) FindLetter(DocumentTemplate template, ScanSpec spec, TypeStyle style)
    {
        var first = CorpusWriter.SeedFor(CorpusWriter.Seeds.Scans, spec.TypeIndex, spec.Number * 40);
        for (var seed = first; seed < first + 40; seed++)
        {
            var letter = LetterBuilder.Build(template, seed, longVersion: spec.MinPages > 1);
            var pages = PageLayout.Lay(letter, style);
            if (pages.Count >= spec.MinPages && pages.Count <= Math.Max(spec.MinPages, 3) && (spec.MinPages > 1 || pages.Count == 1))
                return (seed, letter, pages);
        }
        throw new InvalidOperationException($"No seed gives {spec.MinPages} page(s) for scan {spec.Number}");
    }

    private static void WriteFile(string path, ScanFormat format, IReadOnlyList<LaidOutPage> pages, TypeStyle style, Rng rng)
    {
        if (format == ScanFormat.PdfBornDigital)
        {
            PdfFiles.WriteBornDigital(path, pages, style);
            return;
        }
        var bitonal = format is ScanFormat.TiffGroup4 or ScanFormat.PngBitonal;
        var skewSign = rng.Chance(0.5) ? -1 : 1;
        var rendered = pages.Select(p =>
        {
            var look = new ScanLook(
                SkewDegrees: skewSign * rng.Between(0.3, 1.5),
                Paper: (byte)rng.Between(228, 245),
                Ink: (byte)rng.Between(12, 40),
                BlurSigma: (float)rng.Between(0.5, 0.9),
                Grain: format switch { ScanFormat.PngGray or ScanFormat.TiffGrayLzw => 0, _ when bitonal => rng.Between(14.0, 20.0), _ => rng.Between(2.5, 4.0) },
                Specks: rng.Between(150, 600),
                EdgeShadow: rng.Chance(0.35),
                Bitonal: bitonal,
                Threshold: (byte)rng.Between(135, 160));
            return PageRasterizer.Render(p, style, look, rng);
        }).ToList();

        switch (format)
        {
            case ScanFormat.TiffGroup4: ImageFiles.WriteTiff(path, rendered, ImageFiles.TiffKind.Group4); break;
            case ScanFormat.TiffGrayJpeg: ImageFiles.WriteTiff(path, rendered, ImageFiles.TiffKind.GrayJpeg); break;
            case ScanFormat.TiffGrayLzw: ImageFiles.WriteTiff(path, rendered, ImageFiles.TiffKind.GrayLzw); break;
            case ScanFormat.PdfImageOnly: PdfFiles.WriteImageOnly(path, rendered.Select(r => ImageFiles.EncodeJpeg(r, 75)).ToList()); break;
            case ScanFormat.PngBitonal or ScanFormat.PngGray: ImageFiles.WritePng(path, rendered.Single()); break;
            case ScanFormat.JpegGray: ImageFiles.WriteJpeg(path, rendered.Single(), 75); break;
        }
    }

    private static string Variant(ScanFormat f) => f switch
    {
        ScanFormat.TiffGroup4 => "g4",
        ScanFormat.TiffGrayJpeg => "gray-jpeg",
        ScanFormat.TiffGrayLzw => "gray-lzw",
        ScanFormat.PdfImageOnly => "scan",
        ScanFormat.PdfBornDigital => "digital",
        ScanFormat.PngBitonal => "bitonal",
        ScanFormat.PngGray => "gray",
        _ => "gray",
    };

    private static string Extension(ScanFormat f) => f switch
    {
        ScanFormat.TiffGroup4 or ScanFormat.TiffGrayJpeg or ScanFormat.TiffGrayLzw => "tif",
        ScanFormat.PdfImageOnly or ScanFormat.PdfBornDigital => "pdf",
        ScanFormat.PngBitonal or ScanFormat.PngGray => "png",
        _ => "jpg",
    };

    private static string Encoding(ScanFormat f) => f switch
    {
        ScanFormat.TiffGroup4 => "1-bit CCITT Group 4, 300 dpi",
        ScanFormat.TiffGrayJpeg => "8-bit grey, JPEG compression, 300 dpi",
        ScanFormat.TiffGrayLzw => "8-bit grey, LZW compression, 300 dpi",
        ScanFormat.PdfImageOnly => "A4 pages of 8-bit grey JPEG (300 dpi), no text layer",
        ScanFormat.PdfBornDigital => "A4 text layer, embedded TrueType font",
        ScanFormat.PngBitonal => "bitonal (0/255) 8-bit grey, 300 dpi",
        ScanFormat.PngGray => "8-bit grey, 300 dpi",
        _ => "8-bit grey baseline JPEG, quality 75, 300 dpi",
    };

}
