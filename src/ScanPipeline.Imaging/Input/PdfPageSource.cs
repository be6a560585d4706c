using ScanPipeline.Core.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace ScanPipeline.Imaging.Input;

/// <summary>
/// A PDF read with PdfPig. A page with a text layer gives its text; a scanned page gives its embedded image,
/// or is rasterised with pdftoppm. The file is opened strictly; only when that fails is it opened leniently
/// ("repaired"), and then a page with neither text nor image means a truncated file, never an empty page.
/// </summary>
internal sealed class PdfPageSource : IPageSource
{
    private readonly ReadOnlyMemory<byte> data;
    private readonly PdfDocument document;
    private readonly bool repaired;
    private readonly ImagingOptions options;
    private readonly Func<string>? materializeFile;
    private readonly HashSet<int> pagesReadInRepairMode = [];
    private PdfDocument? lenientDocument;

    /// <param name="materializeFile">Writes the PDF to the document's work folder and returns its path (for pdftoppm);
    /// null when pages are only counted.</param>
    public PdfPageSource(ReadOnlyMemory<byte> data, ImagingOptions options, Func<string>? materializeFile)
    {
        this.data = data;
        this.options = options;
        this.materializeFile = materializeFile;
        (document, repaired) = Open(data);
        try
        {
            PageCount = Guard(() => document.NumberOfPages, "the page tree cannot be read");
            if (PageCount > options.MaxPagesPerFile)
                throw new PermanentProcessingException(ReasonCodes.TooManyPages,
                    $"The PDF has {PageCount} pages; the limit per file is {options.MaxPagesPerFile}.");
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public int PageCount { get; }

    public void Validate()
    {
        if (PageCount == 0) throw new PermanentProcessingException(ReasonCodes.NoPages, "The PDF has no pages.");
        if (!repaired) return; // pages of a sound file are parsed when they are read, not to count them
        for (var number = 1; number <= PageCount; number++) RejectIfHollow(number);
    }

    public string? ReadTextLayer(int pageNumber) => Guard(() =>
    {
        var page = GetPage(pageNumber);
        var characters = page.Letters.Sum(l => l.Value.Count(c => !char.IsWhiteSpace(c)));
        return characters >= options.MinTextLayerCharacters ? ContentOrderTextExtractor.GetText(page) : null;
    }, $"page {pageNumber} cannot be read");

    /// <summary>Whether the page carries any image (page analysis reads barcodes only from images of text-layer pages).</summary>
    public bool HasImages(int pageNumber) =>
        Guard(() => GetPage(pageNumber).GetImages().Any(), $"page {pageNumber} cannot be read");

    public PageImage LoadImage(int pageNumber) => LoadImage(pageNumber, analysisDpi: 0);

    public PageImage LoadImageForAnalysis(int pageNumber, int targetDpi) => LoadImage(pageNumber, targetDpi);

    private PageImage LoadImage(int pageNumber, int analysisDpi)
    {
        RejectIfHollow(pageNumber);
        var (page, images) = Guard(() =>
        {
            var p = GetPage(pageNumber);
            return (p, p.GetImages().ToList());
        }, $"page {pageNumber} cannot be read");

        if (images.Count == 1 && page.Letters.Count == 0)
        {
            var embedded = Guard(() => PdfEmbeddedImage.TryExtract(page, images[0], options, analysisDpi), $"the image on page {pageNumber} cannot be read");
            if (embedded is not null) return embedded;
        }

        if (materializeFile is null) throw new InvalidOperationException("This PDF source was opened for counting only.");
        var dpi = PdfRasterizer.ChooseDpi(page.Width, page.Height, options.RasterDpi, options.MaxPixelsPerPage, pageNumber);
        return PdfRasterizer.Rasterize(materializeFile(), pageNumber, dpi, options);
    }

    public void Dispose()
    {
        document.Dispose();
        lenientDocument?.Dispose();
    }

    /// <summary>
    /// The page as strict parsing reads it; when only its content stream is faulty (unbalanced graphics state and
    /// the like, common in real files), the page is read again leniently and counts as repaired.
    /// </summary>
    private Page GetPage(int pageNumber)
    {
        if (repaired) return document.GetPage(pageNumber);
        if (!pagesReadInRepairMode.Contains(pageNumber))
        {
            try
            {
                return document.GetPage(pageNumber);
            }
            catch (Exception error) when (IsParserFailure(error) && error is not PdfDocumentEncryptedException)
            {
                pagesReadInRepairMode.Add(pageNumber);
            }
        }
        lenientDocument ??= PdfDocument.Open(data, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        return lenientDocument.GetPage(pageNumber);
    }

    /// <summary>In a repaired file or page, no text and no images is what a truncated scan turns into.</summary>
    private void RejectIfHollow(int pageNumber)
    {
        if (!repaired) _ = Guard(() => GetPage(pageNumber), $"page {pageNumber} cannot be read");
        if (!repaired && !pagesReadInRepairMode.Contains(pageNumber)) return;
        var hollow = Guard(() =>
        {
            var page = GetPage(pageNumber);
            return page.Letters.Count == 0 && !page.GetImages().Any();
        }, $"page {pageNumber} cannot be read");
        if (hollow)
            throw new PermanentProcessingException(ReasonCodes.CorruptFile,
                $"The PDF is damaged (probably truncated): it opens only in repair mode, and page {pageNumber} has neither text nor an image.");
    }

    private static (PdfDocument Document, bool Repaired) Open(ReadOnlyMemory<byte> data)
    {
        try
        {
            return (PdfDocument.Open(data, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true }), false);
        }
        catch (PdfDocumentEncryptedException error)
        {
            throw Encrypted(error);
        }
        catch (Exception strictError) when (IsParserFailure(strictError))
        {
            try
            {
                return (PdfDocument.Open(data, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true }), true);
            }
            catch (PdfDocumentEncryptedException error)
            {
                throw Encrypted(error);
            }
            catch (Exception error) when (IsParserFailure(error))
            {
                throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"The PDF cannot be read: {error.Message}", error);
            }
        }
    }

    /// <summary>Runs a PdfPig call; parser failures on hostile input (any exception type) become a corrupt-file error.</summary>
    private static T Guard<T>(Func<T> read, string what)
    {
        try
        {
            return read();
        }
        catch (PdfDocumentEncryptedException error)
        {
            throw Encrypted(error);
        }
        catch (Exception error) when (IsParserFailure(error))
        {
            throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"The PDF is damaged: {what} ({error.Message}).", error);
        }
    }

    private static PermanentProcessingException Encrypted(Exception error) =>
        new(ReasonCodes.Encrypted, "The PDF is password-protected and cannot be read.", error);

    /// <summary>
    /// PdfPig signals damaged input with its own exceptions and, on hostile files, with almost any other type
    /// (InvalidCast, KeyNotFound, IndexOutOfRange, its stack-depth guard, ...): everything but our own verdicts
    /// and cancellation is the file's fault.
    /// </summary>
    private static bool IsParserFailure(Exception error) =>
        error is not (PermanentProcessingException or OperationCanceledException);
}
