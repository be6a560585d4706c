namespace ScanPipeline.Core.Documents;

/// <summary>Input formats, recognised by their magic bytes, never by the file name.</summary>
public static class MediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Tiff = "image/tiff";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return Tiff;
        // Some producers put a few junk bytes before the PDF header; readers accept it within the first KB.
        if (head.Length > 5 && head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0) return Pdf;
        return null;
    }

    public static string Extension(string mediaType) => mediaType switch
    {
        Pdf => ".pdf",
        Tiff => ".tif",
        Png => ".png",
        Jpeg => ".jpg",
        _ => ".bin",
    };
}
