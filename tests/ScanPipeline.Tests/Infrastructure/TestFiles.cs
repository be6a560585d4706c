namespace ScanPipeline.Tests.Infrastructure;

/// <summary>Small, valid files of each accepted format, made in code so that unit tests need no data folder.</summary>
public static class TestFiles
{
    /// <summary>A 1×1 grey PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    /// <summary>A minimal one-page PDF header and body (enough to be recognised as PDF by its magic bytes).</summary>
    public static byte[] PdfHeaderOnly => "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();
}
