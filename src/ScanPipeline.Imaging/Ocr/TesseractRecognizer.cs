using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Imaging.Input;
using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Ocr;

/// <summary>
/// <see cref="IDocumentRecognizer"/> on in-process Tesseract. Text layers of PDFs are used as they are; every
/// other page is OCRed on a pool of engine threads (one document at a time per engine, pages in order), and
/// OCRed documents get a searchable PDF from Tesseract's PDF renderer and an hOCR document with every word's box and
/// confidence. Scanned pages are straightened and turned upright first (<see cref="PageReader"/>). Bad input and limits end in
/// <see cref="PermanentProcessingException"/> with a <see cref="ReasonCodes"/> constant.
/// </summary>
public sealed class TesseractRecognizer : IDocumentRecognizer, IDisposable
{
    /// <summary>Confidence reported for pages read from a text layer: the text is exact, not guessed.</summary>
    public const double TextLayerConfidence = 100;

    private readonly ImagingOptions options;
    private readonly ILogger<TesseractRecognizer> logger;
    private readonly Lazy<EnginePool> pool;
    private readonly string tessdataPath;

    public TesseractRecognizer(IOptions<ImagingOptions> options, ILogger<TesseractRecognizer> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        OcrRuntime.PrepareEnvironment();
        tessdataPath = this.options.ResolvedTessdataPath;
        // Threads (and their engines) start only when the first page needs OCR: a split-only or text-layer-only
        // process never loads Tesseract.
        pool = new Lazy<EnginePool>(() => new EnginePool(this.options.EngineThreads, CreateEngine, logger));
    }

    /// <summary>Creates the engine threads, which start their engines at once (see <see cref="EnginePool"/>).</summary>
    public void StartEngines() => _ = pool.Value;

    public int CountPages(ReadOnlyMemory<byte> original, string mediaType)
    {
        using var source = OpenSource(original, mediaType, work: null);
        source.Validate();
        return source.PageCount;
    }

    public async Task<RecognizedDocument> RecognizeAsync(ReadOnlyMemory<byte> original, string mediaType,
        IReadOnlyList<int>? pageNumbers, bool makeSearchablePdf, CancellationToken ct)
    {
        // Parsing an untrusted PDF can take a while: keep it off the caller's thread.
        var prepared = await Task.Run(() => Prepare(original, mediaType, pageNumbers), ct).ConfigureAwait(false);
        try
        {
            if (prepared.TextLayers.All(t => t is not null))
            {
                // Nothing to OCR: no searchable PDF (the original is one) and no hOCR (its words and boxes are exact in the PDF).
                var pages = prepared.Pages.Select((n, i) => new PageText(n, prepared.TextLayers[i]!, TextLayerConfidence, FromTextLayer: true));
                return new RecognizedDocument(pages.ToList(), SearchablePdf: null, Hocr: null);
            }

            var withPdf = makeSearchablePdf && options.MakeSearchablePdf;
            return await pool.Value.RunAsync(engine => Recognize(engine, prepared, withPdf, ct), ct).ConfigureAwait(false);
        }
        finally
        {
            prepared.Dispose();
        }
    }

    public void Dispose()
    {
        if (pool.IsValueCreated) pool.Value.Dispose();
    }

    private TesseractEngine CreateEngine()
    {
        TessdataLocator.CheckComplete(tessdataPath, options.Languages, needPdfFont: options.MakeSearchablePdf,
            needOrientation: options.CorrectOrientation);
        return TesseractEngine.Create(tessdataPath, options.Languages);
    }

    private PreparedDocument Prepare(ReadOnlyMemory<byte> original, string mediaType, IReadOnlyList<int>? pageNumbers)
    {
        var work = new WorkFolder(options.ResolvedWorkDirectory, options.KeepWorkFolders);
        IPageSource? source = null;
        try
        {
            source = OpenSource(original, mediaType, work);
            if (source.PageCount == 0) throw new PermanentProcessingException(ReasonCodes.NoPages, "The file has no pages.");
            var pages = pageNumbers ?? Enumerable.Range(1, source.PageCount).ToList();
            if (pages.Count == 0) throw new PermanentProcessingException(ReasonCodes.InvalidMessage, "No pages were asked for.");
            var outOfRange = pages.Where(n => n < 1 || n > source.PageCount).ToList();
            if (outOfRange.Count > 0)
                throw new PermanentProcessingException(ReasonCodes.InvalidMessage,
                    $"Pages {string.Join(", ", outOfRange)} do not exist; the file has {source.PageCount}.");
            var textLayers = pages.Select(source.ReadTextLayer).ToList();
            return new PreparedDocument(source, work, pages, textLayers);
        }
        catch
        {
            source?.Dispose();
            work.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs on an engine thread: the document's pages in order, on one engine and one PDF renderer. Each scanned page
    /// is straightened and turned upright where needed (<see cref="PageReader"/>) before it is read and added to the PDF.
    /// </summary>
    private RecognizedDocument Recognize(TesseractEngine engine, PreparedDocument document, bool withPdf, CancellationToken ct)
    {
        var results = new List<PageText>(document.Pages.Count);
        var hocr = new HocrDocument();
        var reader = new PageReader(options, logger);
        var pdfBase = document.Work.PathOf("searchable");
        var renderer = withPdf ? StartRenderer(pdfBase) : null;
        var pdfImageTurns = new Dictionary<int, double>();
        var documentLimit = TimeSpan.FromSeconds(options.MaxSecondsPerDocument);
        var documentTime = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < document.Pages.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                if (documentTime.Elapsed > documentLimit)
                    throw new PermanentProcessingException(ReasonCodes.Timeout,
                        $"The document took longer than its limit of {options.MaxSecondsPerDocument:0.##} s; {i} of {document.Pages.Count} pages were read.");
                var number = document.Pages[i];
                var textLayer = document.TextLayers[i];
                if (textLayer is not null && renderer is null)
                {
                    results.Add(new PageText(number, textLayer, TextLayerConfidence, FromTextLayer: true));
                    hocr.AddTextLayerPage(i);
                    continue;
                }

                // A text-layer page of a partly scanned PDF is still rendered, so the searchable PDF has every page.
                using var image = document.Source.LoadImage(number);
                var page = reader.Read(engine, image, number, i, renderer, document.Work);
                if (page.PdfImageTurn != 0) pdfImageTurns[i] = page.PdfImageTurn;
                if (textLayer is not null)
                {
                    results.Add(new PageText(number, textLayer, TextLayerConfidence, FromTextLayer: true));
                    hocr.AddTextLayerPage(i);
                }
                else
                {
                    results.Add(new PageText(number, page.Text, page.MeanConfidence, FromTextLayer: false, page.Preparation));
                    hocr.AddOcrPage(page.Hocr);
                }
            }

            byte[]? pdf = null;
            if (renderer is not null)
            {
                if (TesseractApi.TessResultRendererEndDocument(renderer) == 0)
                    throw new PermanentProcessingException(ReasonCodes.OcrFailed, "The searchable PDF could not be finished.");
                renderer.Dispose(); // closes the output file
                pdf = PdfImageRotation.Apply(File.ReadAllBytes(pdfBase + ".pdf"), pdfImageTurns);
            }
            logger.LogDebug("Recognised {Pages} pages ({Ocr} OCRed, {Turned} turned, {Deskewed} deskewed, searchable PDF: {Pdf})",
                results.Count, results.Count(p => !p.FromTextLayer), results.Count(p => p.Preparation?.RotatedDegrees is > 0),
                results.Count(p => p.Preparation?.DeskewedDegrees is not (null or 0)), pdf is not null);
            return new RecognizedDocument(results, pdf, hocr.Build());
        }
        finally
        {
            renderer?.Dispose();
        }
    }

    private TessRendererHandle StartRenderer(string outputBase)
    {
        var renderer = TesseractApi.TessPDFRendererCreate(outputBase, tessdataPath, textOnly: 0);
        if (renderer.IsInvalid || TesseractApi.TessResultRendererBeginDocument(renderer, "") == 0)
        {
            renderer.Dispose();
            throw new InvalidOperationException($"Tesseract's PDF renderer could not start (is pdf.ttf in '{tessdataPath}'?).");
        }
        return renderer;
    }

    private IPageSource OpenSource(ReadOnlyMemory<byte> original, string mediaType, WorkFolder? work)
    {
        if (original.IsEmpty) throw new PermanentProcessingException(ReasonCodes.EmptyFile, "The file is empty.");
        // The content decides the format; the stated media type is only cross-checked.
        var sniffed = MediaTypes.Sniff(original.Span[..Math.Min(original.Length, 1024)])
            ?? throw new PermanentProcessingException(ReasonCodes.UnknownFormat, "The file is not a PDF, TIFF, PNG or JPEG.");
        if (sniffed != mediaType)
            logger.LogWarning("Stated media type {Stated} differs from the content ({Sniffed}); reading it as {Sniffed}", mediaType, sniffed, sniffed);

        return sniffed switch
        {
            MediaTypes.Pdf => new PdfPageSource(original, options, work is null ? null : MaterializeOnce(work, original)),
            MediaTypes.Tiff => new TiffPageSource(original, options),
            _ => new SingleImagePageSource(original, sniffed, options),
        };
    }

    private static Func<string> MaterializeOnce(WorkFolder work, ReadOnlyMemory<byte> original)
    {
        string? path = null;
        return () => path ??= work.Write("original.pdf", original.Span);
    }

    private sealed record PreparedDocument(IPageSource Source, WorkFolder Work, IReadOnlyList<int> Pages, IReadOnlyList<string?> TextLayers)
        : IDisposable
    {
        public void Dispose()
        {
            Source.Dispose();
            Work.Dispose();
        }
    }
}
