using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ScanPipeline.Imaging.Ocr;

/// <summary>
/// Straightens scanned JPEG pages inside the searchable PDF without encoding them again. Tesseract's renderer embeds
/// the original JPEG of such a page and places the invisible words as read on the straightened pixels; this class then
/// turns the image (and only the image) by the page's skew, about the page centre, in the page's content stream:
/// <c>q W 0 0 H 0 0 cm /Im1 Do Q</c> becomes <c>q &lt;rotation&gt; cm W 0 0 H 0 0 cm /Im1 Do Q</c>. The page shows the
/// straight scan, the words lie on it, and the scan keeps its original bytes: no second lossy encoding, a smaller
/// file, and 20 ms less per page than re-encoding the pixels (an A4 page at 300 dpi).
/// <para>
/// It understands exactly what Tesseract's PDF renderer writes (one classic cross-reference table, one content
/// stream per page beginning with the image) and refuses anything else, so a page is never left misaligned quietly.
/// </para>
/// </summary>
internal static partial class PdfImageRotation
{
    /// <summary>
    /// Returns <paramref name="pdf"/> with the image of page i (0-based) turned clockwise by
    /// <paramref name="clockwiseDegreesByPage"/>[i], as leptonica's rotation of the pixels would have turned it.
    /// </summary>
    public static byte[] Apply(byte[] pdf, IReadOnlyDictionary<int, double> clockwiseDegreesByPage)
    {
        if (clockwiseDegreesByPage.Count == 0) return pdf;
        var file = PdfFile.Parse(pdf);
        var pages = file.PageContentObjects();
        var replaced = new Dictionary<int, byte[]>();
        foreach (var (pageIndex, degrees) in clockwiseDegreesByPage)
        {
            if (pageIndex < 0 || pageIndex >= pages.Count)
                throw new InvalidOperationException($"The searchable PDF has no page {pageIndex + 1}.");
            var objectNumber = pages[pageIndex];
            replaced[objectNumber] = RotatedContentObject(objectNumber, file.Object(objectNumber), degrees);
        }
        return file.Write(replaced);
    }

    private static byte[] RotatedContentObject(int objectNumber, ReadOnlySpan<byte> obj, double clockwiseDegrees)
    {
        var text = Encoding.Latin1.GetString(obj);
        var header = StreamHeader().Match(text);
        if (!header.Success) throw Unexpected($"content object {objectNumber} is not a Flate stream");
        var length = int.Parse(header.Groups["length"].Value, CultureInfo.InvariantCulture);
        var start = header.Index + header.Length;
        byte[] content;
        using (var inflater = new ZLibStream(new MemoryStream(obj.Slice(start, length).ToArray()), CompressionMode.Decompress))
        using (var plain = new MemoryStream())
        {
            inflater.CopyTo(plain);
            content = plain.ToArray();
        }

        var contentText = Encoding.Latin1.GetString(content);
        var image = ImageDraw().Match(contentText);
        if (!image.Success) throw Unexpected($"content object {objectNumber} does not begin by drawing the page image");
        var width = double.Parse(image.Groups["w"].Value, CultureInfo.InvariantCulture);
        var height = double.Parse(image.Groups["h"].Value, CultureInfo.InvariantCulture);

        // PDF space has y up, so a clockwise turn on the page is the matrix [cos, -sin, sin, cos], about the centre.
        var radians = clockwiseDegrees * Math.PI / 180;
        double cos = Math.Cos(radians), sin = Math.Sin(radians), cx = width / 2, cy = height / 2;
        var e = cx - (cos * cx + sin * cy);
        var f = cy - (-sin * cx + cos * cy);
        var rotation = string.Create(CultureInfo.InvariantCulture, $"q {cos:0.######} {-sin:0.######} {sin:0.######} {cos:0.######} {e:0.###} {f:0.###} cm ");
        var newContent = Encoding.Latin1.GetBytes(rotation + contentText[2..]); // "q " of the image draw is replaced, its "Q" stays

        using var compressed = new MemoryStream();
        using (var deflater = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) deflater.Write(newContent);
        using var result = new MemoryStream();
        result.Write(Encoding.Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{objectNumber} 0 obj\n<<\n  /Length {compressed.Length} /Filter /FlateDecode\n>>\nstream\n")));
        compressed.Position = 0;
        compressed.CopyTo(result);
        result.Write("\nendstream\nendobj\n"u8);
        return result.ToArray();
    }

    private static InvalidOperationException Unexpected(string what) =>
        new($"The searchable PDF is not laid out as Tesseract's renderer writes it: {what}.");

    [GeneratedRegex(@"\A\d+ 0 obj\s*<<\s*/Length (?<length>\d+) /Filter /FlateDecode\s*>>\s*stream\r?\n")]
    private static partial Regex StreamHeader();

    [GeneratedRegex(@"\Aq (?<w>[0-9.]+) 0 0 (?<h>[0-9.]+) 0 0 cm /Im1 Do Q")]
    private static partial Regex ImageDraw();

    /// <summary>A PDF with one classic cross-reference table and no incremental updates, split into its objects.</summary>
    private sealed partial class PdfFile
    {
        private readonly byte[] bytes;
        private readonly SortedDictionary<long, int> objectsByOffset = new();
        private readonly Dictionary<int, (long Start, long End)> spans = new();
        private readonly int size;
        private readonly long xrefOffset;
        private readonly string trailer;

        private PdfFile(byte[] bytes, long xrefOffset, int size, Dictionary<int, long> offsets, string trailer)
        {
            this.bytes = bytes;
            this.xrefOffset = xrefOffset;
            this.size = size;
            this.trailer = trailer;
            foreach (var (number, offset) in offsets) objectsByOffset[offset] = number;
            var ordered = objectsByOffset.ToList();
            for (var i = 0; i < ordered.Count; i++)
                spans[ordered[i].Value] = (ordered[i].Key, i + 1 < ordered.Count ? ordered[i + 1].Key : xrefOffset);
        }

        public static PdfFile Parse(byte[] bytes)
        {
            var tail = Encoding.Latin1.GetString(bytes, Math.Max(0, bytes.Length - 64), Math.Min(64, bytes.Length));
            var startXref = StartXref().Match(tail);
            if (!startXref.Success) throw Unexpected("no startxref");
            var xrefOffset = long.Parse(startXref.Groups[1].Value, CultureInfo.InvariantCulture);
            if (xrefOffset <= 0 || xrefOffset >= bytes.Length) throw Unexpected("startxref points outside the file");

            var rest = Encoding.Latin1.GetString(bytes, (int)xrefOffset, bytes.Length - (int)xrefOffset);
            var table = XrefTable().Match(rest);
            if (!table.Success) throw Unexpected("no single cross-reference table at startxref");
            var first = int.Parse(table.Groups["first"].Value, CultureInfo.InvariantCulture);
            var count = int.Parse(table.Groups["count"].Value, CultureInfo.InvariantCulture);
            var entries = XrefEntry().Matches(table.Groups["entries"].Value);
            if (first != 0 || entries.Count != count) throw Unexpected("the cross-reference table is not one section from object 0");
            var offsets = new Dictionary<int, long>();
            for (var i = 0; i < count; i++)
                if (entries[i].Groups["kind"].Value == "n")
                    offsets[i] = long.Parse(entries[i].Groups["offset"].Value, CultureInfo.InvariantCulture);
            var trailerText = rest[(table.Index + table.Length)..];
            var end = trailerText.IndexOf("startxref", StringComparison.Ordinal);
            if (!trailerText.StartsWith("trailer", StringComparison.Ordinal) || end < 0 || trailerText.Contains("/Prev", StringComparison.Ordinal))
                throw Unexpected("the trailer is not a plain one");
            return new PdfFile(bytes, xrefOffset, count, offsets, trailerText[..end]);
        }

        public ReadOnlySpan<byte> Object(int number) =>
            spans.TryGetValue(number, out var span) ? bytes.AsSpan((int)span.Start, (int)(span.End - span.Start)) : throw Unexpected($"no object {number}");

        /// <summary>The content object of every page, in page order (the /Kids of the page tree Tesseract writes).</summary>
        public List<int> PageContentObjects()
        {
            var catalog = Encoding.Latin1.GetString(Object(RootNumber()));
            var pagesRef = PagesReference().Match(catalog);
            if (!pagesRef.Success) throw Unexpected("the catalog names no page tree");
            var tree = Encoding.Latin1.GetString(Object(int.Parse(pagesRef.Groups[1].Value, CultureInfo.InvariantCulture)));
            var kids = Kids().Match(tree);
            if (!kids.Success) throw Unexpected("the page tree has no /Kids");
            return References().Matches(kids.Groups[1].Value).Select(kid =>
            {
                var page = Encoding.Latin1.GetString(Object(int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture)));
                var contents = Contents().Match(page);
                if (!page.Contains("/Type /Page", StringComparison.Ordinal) || !contents.Success)
                    throw Unexpected($"page object {kid.Groups[1].Value} has no single content stream");
                return int.Parse(contents.Groups[1].Value, CultureInfo.InvariantCulture);
            }).ToList();
        }

        /// <summary>The file with <paramref name="replaced"/> objects swapped in, and a new cross-reference table.</summary>
        public byte[] Write(IReadOnlyDictionary<int, byte[]> replaced)
        {
            using var output = new MemoryStream(bytes.Length + 4096);
            output.Write(bytes, 0, (int)objectsByOffset.Keys.First()); // header and binary comment
            var newOffsets = new Dictionary<int, long>();
            foreach (var number in objectsByOffset.Values)
            {
                newOffsets[number] = output.Position;
                if (replaced.TryGetValue(number, out var newObject)) output.Write(newObject);
                else output.Write(Object(number));
            }
            var xref = new StringBuilder();
            xref.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n");
            for (var number = 0; number < size; number++)
                xref.Append(newOffsets.TryGetValue(number, out var offset)
                    ? string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n")
                    : "0000000000 65535 f \n");
            var startXref = output.Position;
            xref.Append(trailer).Append(CultureInfo.InvariantCulture, $"startxref\n{startXref}\n%%EOF\n");
            output.Write(Encoding.Latin1.GetBytes(xref.ToString()));
            return output.ToArray();
        }

        private int RootNumber()
        {
            var root = Root().Match(trailer);
            return root.Success ? int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture) : throw Unexpected("the trailer names no /Root");
        }

        [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF\s*\z")]
        private static partial Regex StartXref();

        [GeneratedRegex(@"\Axref\r?\n(?<first>\d+) (?<count>\d+)\s*\r?\n(?<entries>(?:\d{10} \d{5} [nf]\s*\r?\n)+)")]
        private static partial Regex XrefTable();

        [GeneratedRegex(@"(?<offset>\d{10}) \d{5} (?<kind>[nf])")]
        private static partial Regex XrefEntry();

        [GeneratedRegex(@"/Root (\d+) 0 R")]
        private static partial Regex Root();

        [GeneratedRegex(@"/Pages (\d+) 0 R")]
        private static partial Regex PagesReference();

        [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]")]
        private static partial Regex Kids();

        [GeneratedRegex(@"(\d+) 0 R")]
        private static partial Regex References();

        [GeneratedRegex(@"/Contents (\d+) 0 R")]
        private static partial Regex Contents();
    }
}
