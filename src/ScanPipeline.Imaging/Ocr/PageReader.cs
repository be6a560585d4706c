using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Imaging.Input;
using ScanPipeline.Imaging.Native;
using ScanPipeline.Imaging.Preparation;

namespace ScanPipeline.Imaging.Ocr;

/// <summary>The accepted reading of one scanned page, its hOCR fragment and what was done to the image first.</summary>
/// <param name="PdfImageTurn">Degrees (clockwise) by which the searchable PDF must turn this page's embedded original
/// JPEG (<see cref="PdfImageRotation"/>); 0 when the PDF holds the page as it was read.</param>
internal sealed record ReadPage(string Text, int MeanConfidence, string Hocr, PagePreparation Preparation, double PdfImageTurn = 0);

/// <summary>
/// Reads one scanned page as a careful operator would:
/// <list type="number">
/// <item>straightens it when leptonica finds a skew within the configured range;</item>
/// <item>reads it;</item>
/// <item>only when that reading looks wrong (low confidence, or most word boxes taller than wide) asks Tesseract's
/// orientation detection whether the page lies on its side or upside down, turns it, straightens it again and reads
/// it once more. The verdict must fit the word shapes (<see cref="FitsWordShapes"/>) and the turned reading must
/// confirm it (<see cref="Confirms"/>): a wrong OSD verdict on a poor but upright page costs time, never text.</item>
/// </list>
/// The image that was read last is the one added to the searchable PDF, so the stored page is the corrected one.
/// Upright, clean pages (the usual case) pay only for the skew search, a few milliseconds.
/// </summary>
internal sealed class PageReader(ImagingOptions options, ILogger logger)
{
    /// <summary>A turned page's reading may be this much less confident than the first and still be kept (same text, other rounding).</summary>
    internal const int TurnedReadingTolerance = 5;

    /// <summary>
    /// Runs on an engine thread. Leaves the accepted reading in <paramref name="engine"/> until it is cleared. With debug
    /// logging on, one line per page says what was done and what each step cost.
    /// </summary>
    public ReadPage Read(TesseractEngine engine, PageImage image, int pageNumber, int pageIndex, TessRendererHandle? renderer, WorkFolder work)
    {
        var pageClock = Stopwatch.StartNew();
        var pageLimit = TimeSpan.FromSeconds(options.MaxSecondsPerPage);
        var owned = new List<PixHandle>();
        try
        {
            // An image without a declared resolution is left to Tesseract's estimate, as its command line does: a
            // guessed 300 dpi reads low-resolution receipts worse.
            var dpi = image.DpiDeclared ? image.Dpi : 0;
            var (upright, skew) = Straighten(image.Pix, owned);
            var deskewTime = pageClock.Elapsed;
            var reading = engine.Read(upright, dpi, pageClock, pageLimit, pageNumber);
            var firstReadingTime = pageClock.Elapsed - deskewTime;
            var preparation = new PagePreparation(0, skew);
            string? hocr = null;
            var orientationTime = TimeSpan.Zero;
            var verdict = "not needed";

            if (options.CorrectOrientation && LooksWrong(reading))
            {
                var checkStarted = pageClock.Elapsed;
                var orientation = engine.DetectOrientation(upright, dpi);
                orientationTime = pageClock.Elapsed - checkStarted;
                verdict = orientation is { } o
                    ? string.Create(CultureInfo.InvariantCulture, $"turned {o.TurnedDegrees}° (OSD confidence {o.Confidence:F1})")
                    : "undecided";
                if (orientation is { TurnedDegrees: not 0 } found && found.Confidence >= options.MinOrientationConfidence
                    && FitsWordShapes(found, reading))
                {
                    var firstHocr = engine.TakeHocr(pageIndex);
                    var turned = Track(Leptonica.pixRotateOrth(upright, found.QuarterTurnsToUpright), owned);
                    if (turned is not null)
                    {
                        var (turnedUpright, turnedSkew) = Straighten(turned, owned);
                        var second = engine.Read(turnedUpright, dpi, pageClock, pageLimit, pageNumber);
                        if (Confirms(reading, second))
                        {
                            verdict += $", confirmed: text confidence {reading.MeanConfidence} -> {second.MeanConfidence}";
                            reading = second;
                            upright = turnedUpright;
                            preparation = new PagePreparation(found.QuarterTurnsToUpright * 90, skew + turnedSkew);
                        }
                        else
                        {
                            verdict += $", refused: text confidence {reading.MeanConfidence} -> {second.MeanConfidence}";
                            hocr = firstHocr;
                            // The PDF renderer needs the engine's state of the kept reading: read the kept image again (rare).
                            if (renderer is not null) engine.Read(upright, dpi, pageClock, pageLimit, pageNumber);
                        }
                    }
                }
            }

            hocr ??= engine.TakeHocr(pageIndex);
            var pdfImageTurn = 0.0;
            if (renderer is not null)
            {
                // A JPEG scan goes into the PDF byte for byte, also when it was straightened: the PDF then turns the
                // image by the skew (PdfImageRotation) instead of holding the turned pixels encoded a second time.
                // A page turned by quarter turns, and any other corrected page, is encoded from its pixels.
                var embedOriginal = preparation.RotatedDegrees == 0 && image.OriginalJpeg is not null;
                var jpegFile = embedOriginal ? work.Write($"page-{pageNumber}.jpg", image.OriginalJpeg!) : null;
                if (embedOriginal) pdfImageTurn = preparation.DeskewedDegrees;
                engine.AddToPdf(renderer, jpegFile, pageNumber);
            }
            logger.LogDebug("Page {Page}: deskewed {Skew:F2}° in {DeskewMs:F1} ms; first reading {ReadingMs:F0} ms; kept reading confidence {Confidence}; " +
                "orientation check {OrientationMs:F0} ms: {Verdict}; turned {Turned}°; page {PageMs:F0} ms", pageNumber, skew,
                deskewTime.TotalMilliseconds, firstReadingTime.TotalMilliseconds, reading.MeanConfidence, orientationTime.TotalMilliseconds,
                verdict, preparation.RotatedDegrees, pageClock.Elapsed.TotalMilliseconds);
            return new ReadPage(reading.Text, reading.MeanConfidence, hocr, preparation, pdfImageTurn);
        }
        finally
        {
            engine.Clear();
            foreach (var pix in owned) pix.Dispose();
        }
    }

    /// <summary>The first reading is suspect: too unsure, or most words stand taller than wide (lines running up the page).</summary>
    private bool LooksWrong(PageReading reading) =>
        reading.MeanConfidence < options.OrientationCheckBelowConfidence || reading.MostlySideways;

    /// <summary>
    /// OSD's verdict must fit the word shapes of the first reading: a quarter turn only for a page whose words stand
    /// tall (its lines run up the page), a half turn only for one whose words lie wide. Tesseract reads one of the two
    /// sideways directions almost as confidently as upright text, so confidence alone could not refuse a wrong quarter
    /// turn of an upright page; the shapes can, before a second reading is spent on it.
    /// </summary>
    internal static bool FitsWordShapes(DetectedOrientation orientation, PageReading asScanned) =>
        orientation.TurnedDegrees is 90 or 270 ? asScanned.MostlySideways : !asScanned.MostlySideways;

    /// <summary>The turned page confirms the verdict: its lines lie wide, and it reads about as confidently as the page as scanned, or better.</summary>
    internal static bool Confirms(PageReading asScanned, PageReading turned) =>
        !turned.MostlySideways && turned.MeanConfidence >= asScanned.MeanConfidence - TurnedReadingTolerance;

    /// <summary>The page deskewed (a new Pix, tracked in <paramref name="owned"/>), or itself when straight enough or deskew is off.</summary>
    private (PixHandle Pix, double Degrees) Straighten(PixHandle pix, List<PixHandle> owned)
    {
        if (!options.Deskew) return (pix, 0);
        var skew = Deskewer.FindSkew(pix, options.MinDeskewDegrees, options.MaxDeskewDegrees);
        if (skew == 0) return (pix, 0);
        var straight = Deskewer.Rotate(pix, skew);
        if (straight is null) return (pix, 0);
        owned.Add(straight);
        return (straight, skew);
    }

    private static PixHandle? Track(PixHandle pix, List<PixHandle> owned)
    {
        if (pix.IsInvalid)
        {
            pix.Dispose();
            return null;
        }
        owned.Add(pix);
        return pix;
    }
}
