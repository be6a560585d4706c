using System.Diagnostics;
using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging.Native;
using ScanPipeline.Imaging.Preparation;

namespace ScanPipeline.Imaging.Ocr;

/// <summary>
/// One reading of a page image: its text, mean word confidence (0-100), how many words Tesseract found and how
/// many of them have a box taller than wide.
/// </summary>
/// <remarks>
/// Tesseract reads a page lying on its side surprisingly well (it finds the vertical lines), and its layout analysis
/// still calls those blocks upright; but the word boxes give it away. On upright letters 3-13 % of the words are taller
/// than wide (single letters, digits), on the same letters turned by 90 or 270 degrees 85-93 %.
/// </remarks>
internal readonly record struct PageReading(string Text, int MeanConfidence, int Words, int TallWords)
{
    /// <summary>Most words stand taller than wide: the lines run up or down the page, which lies on its side.</summary>
    public bool MostlySideways => TallWords * 2 > Words;
}

/// <summary>
/// One Tesseract engine (TessBaseAPI), initialised once and used for page after page, plus its orientation
/// detector (created on first use). Not thread-safe: it belongs to exactly one OCR thread of the <see cref="EnginePool"/>.
/// The result of the last <see cref="Read"/> stays in the engine for <see cref="TakeHocr"/> and <see cref="AddToPdf"/>
/// until the next <see cref="Read"/> or <see cref="Clear"/>.
/// </summary>
internal sealed class TesseractEngine : IDisposable
{
    private readonly TessBaseApiHandle api;
    private OrientationDetector? orientationDetector;

    private TesseractEngine(TessBaseApiHandle api, string tessdataPath)
    {
        this.api = api;
        TessdataPath = tessdataPath;
    }

    public string TessdataPath { get; }

    public static TesseractEngine Create(string tessdataPath, string languages)
    {
        OcrRuntime.PrepareEnvironment();
        var api = TesseractApi.CreateInitialised(tessdataPath, languages, TesseractApi.PageSegModeAuto, $"languages '{languages}'");
        return new TesseractEngine(api, tessdataPath);
    }

    /// <summary>
    /// Recognises <paramref name="pix"/> within what is left of the page's time limit (Tesseract's monitor deadline):
    /// <paramref name="pageClock"/> started when work on the page began, and every reading of the page counts.
    /// A <paramref name="dpi"/> of 0 lets Tesseract estimate the resolution from the size of the text, as its command
    /// line does for an image that declares none.
    /// </summary>
    public PageReading Read(PixHandle pix, int dpi, Stopwatch pageClock, TimeSpan pageLimit, int pageNumber)
    {
        TesseractApi.TessBaseAPIClear(api);
        TesseractApi.TessBaseAPISetImage2(api, pix);
        TesseractApi.TessBaseAPISetSourceResolution(api, dpi);
        TesseractApi.TessBaseAPISetInputName(api, "");

        using var monitor = TesseractApi.TessMonitorCreate();
        var remaining = (int)Math.Clamp((pageLimit - pageClock.Elapsed).TotalMilliseconds, 1, int.MaxValue);
        TesseractApi.TessMonitorSetDeadlineMSecs(monitor, remaining);
        if (TesseractApi.TessBaseAPIRecognize(api, monitor) != 0)
        {
            if (pageClock.Elapsed >= pageLimit)
                throw new PermanentProcessingException(ReasonCodes.Timeout,
                    $"OCR of page {pageNumber} took longer than {pageLimit.TotalSeconds:0.##} s and was stopped.");
            throw new PermanentProcessingException(ReasonCodes.OcrFailed, $"Tesseract could not recognise page {pageNumber}.");
        }

        var text = TesseractApi.TakeText(TesseractApi.TessBaseAPIGetUTF8Text(api));
        var confidence = Math.Max(0, TesseractApi.TessBaseAPIMeanTextConf(api));
        var (words, tall) = CountWordShapes();
        return new PageReading(text, confidence, words, tall);
    }

    /// <summary>The last reading as an hOCR <c>ocr_page</c> fragment; <paramref name="pageIndex"/> (0-based) makes its element ids unique in a document.</summary>
    public string TakeHocr(int pageIndex) => TesseractApi.TakeText(TesseractApi.TessBaseAPIGetHOCRText(api, pageIndex));

    /// <summary>Adds the last reading (its image and invisible words) to a searchable PDF.</summary>
    /// <param name="imageFile">A JPEG file of exactly that image, which the renderer embeds unchanged instead of re-encoding the pixels; or null.</param>
    public void AddToPdf(TessRendererHandle renderer, string? imageFile, int pageNumber)
    {
        TesseractApi.TessBaseAPISetInputName(api, imageFile ?? "");
        if (TesseractApi.TessResultRendererAddImage(renderer, api) == 0)
            throw new PermanentProcessingException(ReasonCodes.OcrFailed, $"Page {pageNumber} could not be added to the searchable PDF.");
    }

    /// <summary>Tesseract's orientation detection on <paramref name="pix"/>; the detector starts on first use.</summary>
    public DetectedOrientation? DetectOrientation(PixHandle pix, int dpi) =>
        (orientationDetector ??= OrientationDetector.Create(TessdataPath)).Detect(pix, dpi);

    /// <summary>Frees the last result and image; the loaded models stay.</summary>
    public void Clear() => TesseractApi.TessBaseAPIClear(api);

    public void Dispose()
    {
        orientationDetector?.Dispose();
        api.Dispose();
    }

    /// <summary>Words of the last reading, and how many of them have a box taller than wide.</summary>
    private (int Words, int Tall) CountWordShapes()
    {
        var iterator = TesseractApi.TessBaseAPIGetIterator(api);
        if (iterator == IntPtr.Zero) return (0, 0);
        try
        {
            var page = TesseractApi.TessResultIteratorGetPageIterator(iterator);
            int words = 0, tall = 0;
            // BoundingBox fails past the last word, and at once on a page without words.
            while (TesseractApi.TessPageIteratorBoundingBox(page, TesseractApi.LevelWord, out var left, out var top, out var right, out var bottom) != 0)
            {
                words++;
                if (bottom - top > right - left) tall++;
                if (TesseractApi.TessPageIteratorNext(page, TesseractApi.LevelWord) == 0) break;
            }
            return (words, tall);
        }
        finally
        {
            TesseractApi.TessResultIteratorDelete(iterator);
        }
    }
}
