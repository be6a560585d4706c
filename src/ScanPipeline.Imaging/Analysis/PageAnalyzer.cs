using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Separation;
using ScanPipeline.Imaging.Input;
using ScanPipeline.Imaging.Ocr;

namespace ScanPipeline.Imaging.Analysis;

/// <summary>
/// <see cref="IPageAnalyzer"/> on leptonica and zbar. Every page is decoded within the limits of
/// <see cref="ImagingOptions"/> (the same page sources the recognizer uses), reduced to a small grey copy
/// (<see cref="AnalysisOptions.Dpi"/>), and checked for blankness and, when asked, for barcodes.
/// A PDF page with a text layer is never blank; its barcodes are read only when it also carries an image
/// (separator sheets in PDFs are scanned or printed images). Pages without a usable embedded image are
/// rendered by pdftoppm in a child process with its timeout, as for OCR.
/// </summary>
public sealed class PageAnalyzer : IPageAnalyzer
{
    private readonly ImagingOptions imaging;
    private readonly AnalysisOptions analysis;
    private readonly BlankDetectionSettings blankSettings;
    private readonly ILogger<PageAnalyzer> logger;

    public PageAnalyzer(IOptions<ImagingOptions> imaging, IOptions<AnalysisOptions> analysis, ILogger<PageAnalyzer> logger)
    {
        this.imaging = imaging.Value;
        this.analysis = analysis.Value;
        this.logger = logger;
        blankSettings = BlankDetectionSettings.Default with { MaxInkSquareMillimetres = this.analysis.BlankMaxInkSquareMillimetres };
        OcrRuntime.PrepareEnvironment();
    }

    public Task<IReadOnlyList<PageFacts>> AnalyzeAsync(ReadOnlyMemory<byte> original, string mediaType, bool readBarcodes,
        CancellationToken ct) =>
        // Decoding untrusted files is CPU work: keep it off the caller's thread.
        Task.Run(() => Analyze(original, mediaType, readBarcodes, ct), ct);

    private IReadOnlyList<PageFacts> Analyze(ReadOnlyMemory<byte> original, string mediaType, bool readBarcodes, CancellationToken ct)
    {
        using var work = new WorkFolder(imaging.ResolvedWorkDirectory, imaging.KeepWorkFolders);
        using var source = Open(original, mediaType, work);
        source.Validate();
        if (source.PageCount == 0) throw new PermanentProcessingException(ReasonCodes.NoPages, "The file has no pages.");

        var facts = new List<PageFacts>(source.PageCount);
        var limit = TimeSpan.FromSeconds(imaging.MaxSecondsPerPage);
        var total = Stopwatch.StartNew();
        for (var number = 1; number <= source.PageCount; number++)
        {
            ct.ThrowIfCancellationRequested();
            var stopwatch = Stopwatch.StartNew();
            facts.Add(AnalyzePage(source, number, readBarcodes));
            // Decoding is bounded by the pixel limit and rendering by pdftoppm's timeout; this catches the rest.
            if (stopwatch.Elapsed > limit)
                throw new PermanentProcessingException(ReasonCodes.Timeout,
                    $"Analysing page {number} took {stopwatch.Elapsed.TotalSeconds:F0} s, over the limit of {limit.TotalSeconds:F0} s per page.");
        }
        logger.LogDebug("Analysed {Pages} pages in {Milliseconds} ms ({Blank} blank, {Codes} with barcodes)", facts.Count,
            total.ElapsedMilliseconds, facts.Count(f => f.IsBlank), facts.Count(f => f.Barcodes.Count > 0));
        return facts;
    }

    private PageFacts AnalyzePage(IPageSource source, int number, bool readBarcodes)
    {
        if (source is PdfPageSource pdf && source.ReadTextLayer(number) is not null)
        {
            if (!readBarcodes || !pdf.HasImages(number)) return new PageFacts(number, IsBlank: false, InkScore: null, []);
            var codes = BarcodeReader.Read(Load(source, number));
            return new PageFacts(number, IsBlank: false, InkScore: null, codes);
        }

        var image = Load(source, number);
        var verdict = BlankPageDetector.Detect(image, blankSettings);
        // A blank page carries no code worth reading; skipping zbar there saves most of its cost on duplex backs.
        var barcodes = readBarcodes && !verdict.IsBlank ? BarcodeReader.Read(image) : [];
        return new PageFacts(number, verdict.IsBlank, verdict.InkSquareMillimetres, barcodes);
    }

    private GrayImage Load(IPageSource source, int number)
    {
        using var page = source.LoadImageForAnalysis(number, analysis.Dpi);
        return AnalysisImage.From(page, analysis.Dpi);
    }

    private IPageSource Open(ReadOnlyMemory<byte> original, string mediaType, WorkFolder work)
    {
        if (original.IsEmpty) throw new PermanentProcessingException(ReasonCodes.EmptyFile, "The file is empty.");
        // The content decides the format, as in the recognizer; the stated type is only cross-checked.
        var sniffed = MediaTypes.Sniff(original.Span[..Math.Min(original.Length, 1024)])
            ?? throw new PermanentProcessingException(ReasonCodes.UnknownFormat, "The file is not a PDF, TIFF, PNG or JPEG.");
        if (sniffed != mediaType)
            logger.LogWarning("Stated media type {Stated} differs from the content ({Sniffed}); reading it as {Sniffed}", mediaType, sniffed, sniffed);
        string? pdfPath = null;
        return sniffed switch
        {
            MediaTypes.Pdf => new PdfPageSource(original, imaging, () => pdfPath ??= work.Write("original.pdf", original.Span)),
            MediaTypes.Tiff => new TiffPageSource(original, imaging),
            _ => new SingleImagePageSource(original, sniffed, imaging),
        };
    }
}
