namespace ScanPipeline.Benchmarks.Infrastructure;

/// <summary>
/// A folder written by <c>samples/generator pages --count N --out DIR</c>: N scanned pages as JPEG files,
/// the same JPEGs as one image-only PDF, and the same pages as born-digital PDFs.
/// </summary>
public sealed class BenchmarkPages
{
    private BenchmarkPages(string root, IReadOnlyList<string> scans, IReadOnlyList<string> digital)
    {
        Root = root;
        Scans = scans;
        Digital = digital;
    }

    public string Root { get; }

    /// <summary>scans/page-NNNN.jpg in page order.</summary>
    public IReadOnlyList<string> Scans { get; }

    /// <summary>scans.pdf: every scan as one image-only PDF (OCRmyPDF's input).</summary>
    public string ScansPdf => Path.Combine(Root, "scans.pdf");

    /// <summary>digital/page-NNNN.pdf in page order: born-digital PDFs with a text layer.</summary>
    public IReadOnlyList<string> Digital { get; }

    public int Count => Scans.Count;

    public static BenchmarkPages Open(string root)
    {
        root = Path.GetFullPath(root);
        var scans = Directory.Exists(Path.Combine(root, "scans"))
            ? Directory.GetFiles(Path.Combine(root, "scans"), "page-*.jpg").Order(StringComparer.Ordinal).ToList()
            : [];
        var digital = Directory.Exists(Path.Combine(root, "digital"))
            ? Directory.GetFiles(Path.Combine(root, "digital"), "page-*.pdf").Order(StringComparer.Ordinal).ToList()
            : [];
        if (scans.Count == 0 || digital.Count != scans.Count || !File.Exists(Path.Combine(root, "scans.pdf")))
            throw new InvalidOperationException(
                $"{root} is not a complete benchmark page folder; write one with: dotnet run --project samples/generator -- pages --count N --out {root}");
        return new BenchmarkPages(root, scans, digital);
    }
}
