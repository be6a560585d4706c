using System.Diagnostics;
using System.Globalization;
using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Input;

/// <summary>
/// Rasterises one PDF page with poppler's pdftoppm in a child process (the untrusted file stays out of this
/// process), as 8-bit gray PGM on stdout. A run over the time limit is killed with its process tree.
/// </summary>
internal static class PdfRasterizer
{
    private const int MinDpi = 72;

    /// <summary>The resolution to render a page of the given size at: the configured one, lowered to fit the pixel limit.</summary>
    public static int ChooseDpi(double widthPoints, double heightPoints, int wantedDpi, long maxPixels, int pageNumber)
    {
        double PixelsAt(int dpi) => Math.Ceiling(widthPoints / 72 * dpi) * Math.Ceiling(heightPoints / 72 * dpi);
        if (widthPoints <= 0 || heightPoints <= 0)
            throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"PDF page {pageNumber} has no size.");
        var dpi = wantedDpi;
        if (PixelsAt(dpi) > maxPixels)
            dpi = (int)Math.Floor(wantedDpi * Math.Sqrt(maxPixels / PixelsAt(wantedDpi)));
        while (dpi >= MinDpi && PixelsAt(dpi) > maxPixels) dpi--;
        if (dpi < MinDpi)
            throw new PermanentProcessingException(ReasonCodes.TooManyPixels,
                $"PDF page {pageNumber} ({widthPoints / 72:F0} x {heightPoints / 72:F0} inches) exceeds {maxPixels:N0} pixels even at {MinDpi} dpi.");
        return dpi;
    }

    public static PageImage Rasterize(string pdfPath, int pageNumber, int dpi, ImagingOptions options)
    {
        var start = new ProcessStartInfo(options.PdfToPpmPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray",
                     "-f", pageNumber.ToString(CultureInfo.InvariantCulture), "-l", pageNumber.ToString(CultureInfo.InvariantCulture),
                     pdfPath })
            start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"Cannot start '{options.PdfToPpmPath}' (poppler-utils): {error.Message}", error);
        }

        // Read both pipes concurrently so that neither can fill up and block the child; stdout is capped.
        var maxBytes = options.MaxPixelsPerPage + 4096;
        var output = ReadCappedAsync(process, maxBytes);
        var errors = process.StandardError.ReadToEndAsync();
        var timeout = TimeSpan.FromSeconds(options.PdfToPpmTimeoutSeconds);
        if (!process.WaitForExit(timeout))
        {
            Kill(process);
            throw new PermanentProcessingException(ReasonCodes.Timeout,
                $"pdftoppm took longer than {options.PdfToPpmTimeoutSeconds} s for PDF page {pageNumber} and was stopped.");
        }
        process.WaitForExit(); // lets the pipe readers finish

        byte[]? pgm;
        try
        {
            pgm = output.GetAwaiter().GetResult();
        }
        catch (IOException)
        {
            pgm = null;
        }
        var stderr = errors.GetAwaiter().GetResult();
        if (pgm is null)
            throw new PermanentProcessingException(ReasonCodes.TooManyPixels, $"pdftoppm output for PDF page {pageNumber} exceeds the pixel limit.");
        if (process.ExitCode != 0 || pgm.Length == 0)
            throw new PermanentProcessingException(ReasonCodes.CorruptFile,
                $"pdftoppm cannot render PDF page {pageNumber} (exit code {process.ExitCode}): {FirstLine(stderr)}");

        var pix = ImageDecoder.Decode(pgm, options.MaxPixelsPerPage, $"Rendered PDF page {pageNumber}");
        Leptonica.pixSetResolution(pix, dpi, dpi);
        return new PageImage(pix, dpi, originalJpeg: null);
    }

    /// <summary>Reads stdout to its end, or kills the child and returns null once it passes <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Process process, long maxBytes)
    {
        var stream = process.StandardOutput.BaseStream;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                Kill(process);
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own between the time-out and the kill.
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
        return line.Length > 200 ? line[..200] : line;
    }
}
