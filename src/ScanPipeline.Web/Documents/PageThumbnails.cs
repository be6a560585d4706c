using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using ScanPipeline.Storage;

namespace ScanPipeline.Web.Documents;

/// <summary>
/// Small PNG pictures of a document's pages for the verification station, rendered from the e-file's
/// searchable PDF by poppler's pdftoppm in a child process with a time limit, and cached beside the database.
/// </summary>
public sealed class PageThumbnails(EFileStore efiles, IOptions<StorageOptions> storage, IOptions<WebOptions> options, ILogger<PageThumbnails> logger)
{
    private const int LongSidePixels = 360;
    private readonly string _cache = Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "thumbnails");

    /// <summary>The PNG bytes of page <paramref name="page"/> (1-based), or null when the document has no PDF or no such page.</summary>
    public async Task<byte[]?> GetAsync(string documentId, int page, CancellationToken ct)
    {
        var pdf = efiles.PdfPath(documentId);
        if (page < 1 || page > 10_000 || !File.Exists(pdf)) return null;
        var cached = Path.Combine(_cache, documentId, page.ToString(CultureInfo.InvariantCulture) + ".png");
        if (File.Exists(cached)) return await File.ReadAllBytesAsync(cached, ct);

        var folder = Directory.CreateDirectory(Path.Combine(_cache, documentId)).FullName;
        var prefix = Path.Combine(folder, $"render-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("pdftoppm") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-png", "-scale-to", LongSidePixels.ToString(CultureInfo.InvariantCulture),
                     "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture),
                     "-singlefile", pdf, prefix })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.ThumbnailTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            logger.LogWarning("Thumbnail of {Document} page {Page} took longer than {Timeout}", documentId, page, options.Value.ThumbnailTimeout);
            return null;
        }
        var rendered = prefix + ".png";
        if (process.ExitCode != 0 || !File.Exists(rendered)) return null;
        File.Move(rendered, cached, overwrite: true);
        return await File.ReadAllBytesAsync(cached, ct);
    }
}
