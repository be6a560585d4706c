using System.ComponentModel.DataAnnotations;

namespace ScanPipeline.Imaging;

/// <summary>Section "Imaging": Tesseract set-up and the limits every untrusted scan or PDF is held to.</summary>
public sealed class ImagingOptions
{
    public const string Section = "Imaging";

    /// <summary>Debian's tessdata folder; used when <see cref="TessdataPath"/> is not set.</summary>
    public const string DefaultTessdataPath = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>Folder with the *.traineddata files and pdf.ttf. Empty: TESSDATA_PREFIX, else <see cref="DefaultTessdataPath"/> and other usual places.</summary>
    public string? TessdataPath { get; set; }

    /// <summary>Tesseract languages, joined by '+'.</summary>
    [Required, RegularExpression("^[A-Za-z_]+(\\+[A-Za-z_]+)*$")]
    public string Languages { get; set; } = "deu+eng";

    /// <summary>Dedicated OCR threads, each owning one Tesseract engine (about 100 MB each).</summary>
    [Range(1, 64)]
    public int EngineThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Files with more pages are rejected before any page is decoded.</summary>
    [Range(1, 100_000)]
    public int MaxPagesPerFile { get; set; } = 500;

    /// <summary>Checked against the image header before decoding (decompression bombs). 100 M is A3 at 600 dpi with room.</summary>
    [Range(1, 1_000_000_000)]
    public long MaxPixelsPerPage { get; set; } = 100_000_000;

    /// <summary>Tesseract's deadline for recognising one page (seconds; fractions allowed).</summary>
    [Range(0.01, 3600.0)]
    public double MaxSecondsPerPage { get; set; } = 120;

    /// <summary>
    /// Time for reading all pages of one document (seconds). A document over it goes to quarantine with reason
    /// timeout; the default stays below the consumer's 10-minute handler timeout, so a slow document is
    /// quarantined once instead of being retried as a transient failure.
    /// </summary>
    [Range(0.01, 86400.0)]
    public double MaxSecondsPerDocument { get; set; } = 480;

    /// <summary>A pdftoppm child process that takes longer for one page is killed.</summary>
    [Range(1, 3600)]
    public int PdfToPpmTimeoutSeconds { get; set; } = 60;

    /// <summary>The pdftoppm executable (poppler-utils).</summary>
    [Required]
    public string PdfToPpmPath { get; set; } = "pdftoppm";

    /// <summary>Resolution at which PDF pages without a usable embedded image are rasterised.</summary>
    [Range(72, 600)]
    public int RasterDpi { get; set; } = 300;

    /// <summary>A PDF page counts as having a text layer from this many non-blank characters on.</summary>
    [Range(1, 10_000)]
    public int MinTextLayerCharacters { get; set; } = 10;

    /// <summary>Whether a searchable PDF is made for OCRed documents (callers may still ask per call).</summary>
    public bool MakeSearchablePdf { get; set; } = true;

    /// <summary>
    /// Turn pages scanned sideways or upside down upright, with Tesseract's orientation detection (osd.traineddata).
    /// It runs only on pages whose first reading looks wrong; see <see cref="OrientationCheckBelowConfidence"/>.
    /// </summary>
    public bool CorrectOrientation { get; set; } = true;

    /// <summary>
    /// A page whose first reading has a mean word confidence below this (0-100), or whose lines mostly run sideways,
    /// gets an orientation check. Upright letters read at 85-95, upside-down ones at 40-50.
    /// </summary>
    [Range(0, 100)]
    public int OrientationCheckBelowConfidence { get; set; } = 70;

    /// <summary>
    /// Orientation results below this confidence (Tesseract's OSD score; upright A4 letters score 9-20) are ignored.
    /// A turn is kept only when the page then reads about as well or better, so a wrong verdict costs time, not text.
    /// </summary>
    [Range(0.0, 100.0)]
    public double MinOrientationConfidence { get; set; } = 1.0;

    /// <summary>Straighten skewed pages (leptonica's skew search) before they are read and stored.</summary>
    public bool Deskew { get; set; } = true;

    /// <summary>Skew is searched within ±this many degrees.</summary>
    [Range(1.0, 15.0)]
    public double MaxDeskewDegrees { get; set; } = 5;

    /// <summary>Pages skewed by less than this many degrees are left as they are (they look straight and read as well).</summary>
    [Range(0.05, 5.0)]
    public double MinDeskewDegrees { get; set; } = 0.3;

    /// <summary>Parent of the per-document work folders. Empty: the system temp folder.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Keep the per-document work folders for debugging instead of deleting them.</summary>
    public bool KeepWorkFolders { get; set; }

    public string ResolvedTessdataPath => Ocr.TessdataLocator.Resolve(TessdataPath);

    public string ResolvedWorkDirectory => string.IsNullOrWhiteSpace(WorkDirectory) ? Path.GetTempPath() : WorkDirectory;
}
