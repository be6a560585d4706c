using System.Diagnostics;
using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging.Input;
using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Ocr;

/// <summary>Text and mean word confidence (0-100) of one recognised page.</summary>
internal readonly record struct RecognizedPage(string Text, int MeanConfidence);

/// <summary>
/// One Tesseract engine (TessBaseAPI), initialised once and used for page after page. Not thread-safe:
/// it belongs to exactly one OCR thread of the <see cref="EnginePool"/>.
/// </summary>
internal sealed class TesseractEngine : IDisposable
{
    private readonly TessBaseApiHandle api;

    private TesseractEngine(TessBaseApiHandle api, string tessdataPath)
    {
        this.api = api;
        TessdataPath = tessdataPath;
    }

    public string TessdataPath { get; }

    public static TesseractEngine Create(string tessdataPath, string languages)
    {
        OcrRuntime.PrepareEnvironment();
        var api = TesseractApi.TessBaseAPICreate();
        if (api.IsInvalid) throw new InvalidOperationException("TessBaseAPICreate returned no engine.");
        try
        {
            if (TesseractApi.TessBaseAPIInit3(api, tessdataPath, languages) != 0)
                throw new InvalidOperationException($"Tesseract could not load languages '{languages}' from '{tessdataPath}'.");
            TesseractApi.TessBaseAPISetPageSegMode(api, TesseractApi.PageSegModeAuto);
            // Tesseract's chatter ("Estimating resolution ...") would otherwise go to stderr for every page.
            TesseractApi.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
            return new TesseractEngine(api, tessdataPath);
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Recognises one page within <paramref name="timeLimit"/> (Tesseract's monitor deadline). When a renderer
    /// is given, the page (image plus invisible text) is added to its PDF.
    /// </summary>
    /// <param name="imageFile">A JPEG file the PDF renderer embeds unchanged instead of re-encoding the pixels; or null.</param>
    public RecognizedPage Recognize(PageImage page, int pageNumber, TimeSpan timeLimit, TessRendererHandle? renderer, string? imageFile)
    {
        try
        {
            TesseractApi.TessBaseAPISetImage2(api, page.Pix);
            TesseractApi.TessBaseAPISetSourceResolution(api, page.Dpi);
            TesseractApi.TessBaseAPISetInputName(api, imageFile ?? "");

            using var monitor = TesseractApi.TessMonitorCreate();
            var deadline = (int)Math.Min(int.MaxValue, timeLimit.TotalMilliseconds);
            var stopwatch = Stopwatch.StartNew();
            TesseractApi.TessMonitorSetDeadlineMSecs(monitor, deadline);
            if (TesseractApi.TessBaseAPIRecognize(api, monitor) != 0)
            {
                if (stopwatch.Elapsed >= timeLimit)
                    throw new PermanentProcessingException(ReasonCodes.Timeout,
                        $"OCR of page {pageNumber} took longer than {timeLimit.TotalSeconds:F0} s and was stopped.");
                throw new PermanentProcessingException(ReasonCodes.OcrFailed, $"Tesseract could not recognise page {pageNumber}.");
            }

            var text = TesseractApi.TakeText(TesseractApi.TessBaseAPIGetUTF8Text(api));
            var confidence = Math.Max(0, TesseractApi.TessBaseAPIMeanTextConf(api));
            if (renderer is not null && TesseractApi.TessResultRendererAddImage(renderer, api) == 0)
                throw new PermanentProcessingException(ReasonCodes.OcrFailed, $"Page {pageNumber} could not be added to the searchable PDF.");
            return new RecognizedPage(text, confidence);
        }
        finally
        {
            TesseractApi.TessBaseAPIClear(api);
        }
    }

    public void Dispose() => api.Dispose();
}
