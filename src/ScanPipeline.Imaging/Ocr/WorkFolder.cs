namespace ScanPipeline.Imaging.Ocr;

/// <summary>
/// One temp folder per document for named artifacts (the PDF handed to pdftoppm, JPEGs for the renderer,
/// the searchable PDF). Created on first use, deleted on dispose unless kept for debugging.
/// </summary>
internal sealed class WorkFolder(string parent, bool keep) : IDisposable
{
    private string? path;

    public string Path => path ??= Directory.CreateDirectory(
        System.IO.Path.Combine(parent, "scanpipe-ocr-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Full path of an artifact; names are chosen by code, never taken from file content.</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, ReadOnlySpan<byte> content)
    {
        var file = PathOf(name);
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
        stream.Write(content);
        return file;
    }

    public void Dispose()
    {
        if (path is null || keep) return;
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
        path = null;
    }
}
