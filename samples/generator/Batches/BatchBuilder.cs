using ScanPipeline.SampleGenerator.Letters;
using ScanPipeline.SampleGenerator.Scans;
using ScanPipeline.SampleGenerator.Text;
using ZXing;
using ZXing.Common;

namespace ScanPipeline.SampleGenerator.Batches;

public enum BatchFormat { TiffGroup4, TiffGrayJpeg, PdfImageOnly }

/// <summary>
/// Puts a batch together sheet by sheet, as a mailroom operator feeds a scanner, and keeps the answer: which pages
/// form which document and which pages must be removed (and why). Deterministic from its number.
/// </summary>
public sealed class BatchBuilder(int number, string rule, bool bitonal, string description)
{
    private const float Mm = 72f / 25.4f;

    private readonly Rng _rng = new(410_000 + number);
    private readonly List<(LaidOutPage Page, Action<GrayPage, Rng>? After)> _pages = [];
    private readonly List<ExpectedDocument> _documents = [];
    private readonly List<ExpectedRemoval> _removed = [];
    private readonly List<int> _current = [];
    private (DocumentTemplate Template, int Seed, string Subject)? _currentLetter;

    /// <summary>A letter of <paramref name="pages"/> pages; with <paramref name="duplex"/>, each page is followed by its blank back.</summary>
    public BatchBuilder Letter(int typeIndex, int pages, bool duplex = false)
    {
        EndDocument();
        var fonts = new[] { Fonts.DejaVuSans, Fonts.LiberationSerif, Fonts.LiberationSans, Fonts.DejaVuSerif };
        var style = new TypeStyle(fonts[(number + _documents.Count) % fonts.Length], (float)Math.Round(_rng.Between(10.0, 12.0) * 2) / 2,
            _rng.Chance(0.5), _rng.Chance(0.3));
        var (seed, letter, laid) = BatchSetWriter.FindLetter(typeIndex, number, _documents.Count, pages, style);
        var subject = letter.Blocks.OfType<TextBlock>().First(b => b.Kind == BlockKind.Subject).Lines[0].Replace("Betreff: ", "", StringComparison.Ordinal);
        _currentLetter = (DocumentTypes.All[typeIndex], seed, subject);
        foreach (var page in laid)
        {
            AddToDocument(page, after: null);
            if (duplex) Blank(showThrough: page);
        }
        return this;
    }

    /// <summary>A page with nothing but the place, the date and a signature: the last page of the current letter.</summary>
    public BatchBuilder SignatureAndDatePage()
    {
        var page = new LaidOutPage();
        page.Texts.Add(new TextItem("Musterstadt, den 12.03.2026", 25 * Mm, 118 * Mm, 11, false));
        page.Signatures.Add(new SignatureItem(25 * Mm, 126 * Mm, 48 * Mm, 13 * Mm));
        AddToDocument(page, after: null);
        return this;
    }

    /// <summary>The back of the current letter's last sheet, empty but for a few handwritten words: part of the letter.</summary>
    public BatchBuilder HandwrittenBack()
    {
        var page = new LaidOutPage();
        page.Signatures.Add(new SignatureItem(60 * Mm, 90 * Mm, 34 * Mm, 7 * Mm));
        AddToDocument(page, (gray, rng) => PaperMarks.PunchHoles(gray, mirrored: true));
        return this;
    }

    /// <summary>A separator sheet: "TRENNBLATT" and a barcode; removed with its code. Optionally with its blank back.</summary>
    public BatchBuilder Separator(BarcodeFormat format, string code, bool blankBack = false)
    {
        EndDocument();
        var page = new LaidOutPage();
        page.Texts.Add(new TextItem("TRENNBLATT", 25 * Mm, 60 * Mm, 40, true));
        page.Texts.Add(new TextItem("Poststelle – Dokumenttrennung, bitte nicht entfernen", 25 * Mm, 75 * Mm, 12, false));
        var (width, height) = format == BarcodeFormat.QR_CODE ? (50f, 50f) : format == BarcodeFormat.CODE_39 ? (150f, 25f) : (100f, 25f);
        page.Images.Add(Barcode(format, code, (PageLayout.PageWidth - width * Mm) / 2, 120 * Mm, width * Mm, height * Mm));
        page.Texts.Add(new TextItem(code, (PageLayout.PageWidth - width * Mm) / 2, (120 + height + 8) * Mm, 11, false));
        _pages.Add((page, null));
        _removed.Add(new ExpectedRemoval(_pages.Count, "separator", code));
        if (blankBack) Blank();
        return this;
    }

    /// <summary>
    /// An empty page: grain and specks from the scanner, punch holes, and (for the back of a sheet) the faint
    /// mirror image of its front showing through. Removed as blank. Under the blank-page rule it ends the document.
    /// </summary>
    public BatchBuilder Blank(LaidOutPage? showThrough = null)
    {
        if (rule == "blank-page") EndDocument();
        var front = showThrough;
        _pages.Add((new LaidOutPage(), (gray, rng) =>
        {
            PaperMarks.PunchHoles(gray, mirrored: front is not null);
            if (front is not null && !bitonal) PaperMarks.StapleShadow(gray);
        }));
        if (front is not null) _bleedThrough[_pages.Count - 1] = _pages.Count - 2;
        _removed.Add(new ExpectedRemoval(_pages.Count, "blank", null));
        return this;
    }

    /// <summary>Page index → index of the page whose mirror image shows through it.</summary>
    private readonly Dictionary<int, int> _bleedThrough = [];

    public ExpectedBatch Write(string dir, string fileName, BatchFormat format)
    {
        EndDocument();
        var style = new TypeStyle(Fonts.DejaVuSans, 11, false, false);
        var rendered = new List<GrayPage>();
        var skewSign = _rng.Chance(0.5) ? -1 : 1;
        for (var i = 0; i < _pages.Count; i++)
        {
            var look = new ScanLook(
                SkewDegrees: skewSign * _rng.Between(0.2, 1.0),
                Paper: (byte)_rng.Between(228, 242),
                Ink: (byte)_rng.Between(12, 35),
                BlurSigma: (float)_rng.Between(0.5, 0.8),
                Grain: bitonal ? _rng.Between(12.0, 16.0) : _rng.Between(2.0, 3.0),
                Specks: _rng.Between(200, 500),
                EdgeShadow: _rng.Chance(0.3),
                Bitonal: false,
                Threshold: (byte)_rng.Between(140, 155));
            var gray = PageRasterizer.Render(_pages[i].Page, style, look, _rng);
            if (_bleedThrough.TryGetValue(i, out var frontIndex) && !bitonal) PaperMarks.BleedThrough(gray, rendered[frontIndex], look.Paper);
            _pages[i].After?.Invoke(gray, _rng);
            if (bitonal) PaperMarks.Threshold(gray, look.Threshold);
            rendered.Add(gray);
        }

        var path = Path.Combine(dir, fileName);
        switch (format)
        {
            case BatchFormat.TiffGroup4: ImageFiles.WriteTiff(path, rendered, ImageFiles.TiffKind.Group4); break;
            case BatchFormat.TiffGrayJpeg: ImageFiles.WriteTiff(path, rendered, ImageFiles.TiffKind.GrayJpeg); break;
            case BatchFormat.PdfImageOnly: PdfFiles.WriteImageOnly(path, rendered.Select(r => ImageFiles.EncodeJpeg(r, 50)).ToList()); break;
        }
        Console.WriteLine($"{fileName}: {rendered.Count} pages, {_documents.Count} documents, {_removed.Count} removed, {new FileInfo(path).Length / 1024} KiB");
        return new ExpectedBatch(fileName,
            format == BatchFormat.PdfImageOnly ? "pdf" : "tiff",
            format switch
            {
                BatchFormat.TiffGroup4 => "multi-page 1-bit CCITT Group 4 TIFF, 300 dpi",
                BatchFormat.TiffGrayJpeg => "multi-page 8-bit grey TIFF, JPEG compression, 300 dpi",
                _ => "image-only PDF, A4 pages of 8-bit grey JPEG (300 dpi, quality 50), no text layer",
            },
            rule, rendered.Count, description, _documents.ToList(), _removed.ToList());
    }

    private void AddToDocument(LaidOutPage page, Action<GrayPage, Rng>? after)
    {
        _pages.Add((page, after));
        _current.Add(_pages.Count);
    }

    private void EndDocument()
    {
        if (_current.Count > 0 && _currentLetter is { } letter)
            _documents.Add(new ExpectedDocument(_current.ToList(), letter.Template.Name, letter.Template.DepartmentCode,
                letter.Template.DepartmentName, letter.Seed, letter.Subject));
        _current.Clear();
    }

    /// <summary>A barcode as ZXing draws it, at 300 dpi for its box on the page.</summary>
    private static ImageItem Barcode(BarcodeFormat format, string content, float x, float y, float width, float height)
    {
        var writer = new BarcodeWriterPixelData
        {
            Format = format,
            Options = new EncodingOptions
            {
                Width = (int)Math.Round(width / 72 * PageRasterizer.Dpi),
                Height = (int)Math.Round(height / 72 * PageRasterizer.Dpi),
                Margin = 4,
                PureBarcode = true,
            },
        };
        var data = writer.Write(content);
        var gray = new byte[data.Width * data.Height];
        for (var i = 0; i < gray.Length; i++) gray[i] = data.Pixels[i * 4 + 1]; // BGRA: any channel, black or white
        return new ImageItem(gray, data.Width, data.Height, x, y, width, height);
    }
}
