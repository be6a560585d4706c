using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ScanPipeline.IntegrationTests.Preparation;

/// <summary>An hOCR document read back as XML: its pages and their words, with boxes and confidences from the <c>title</c> properties.</summary>
internal sealed record Hocr(string OcrSystem, IReadOnlyList<Hocr.Page> Pages)
{
    public sealed record Box(int Left, int Top, int Right, int Bottom)
    {
        public bool Contains(Box other) => other.Left >= Left && other.Top >= Top && other.Right <= Right && other.Bottom <= Bottom;
    }

    public sealed record Word(string Id, string Text, Box Box, int Confidence);

    /// <summary>A text line and the slope of its baseline (rise per pixel; 0 for a level line).</summary>
    public sealed record Line(Box Box, double BaselineSlope);

    public sealed record Page(string Id, int PageNumber, Box? Box, string? Source, IReadOnlyList<Line> Lines, IReadOnlyList<Word> Words);

    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Parses the document as XML (it must be well-formed XHTML); the DTD is not fetched.</summary>
    public static Hocr Parse(string hocr)
    {
        using var reader = XmlReader.Create(new StringReader(hocr), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var document = XDocument.Load(reader);
        var system = document.Descendants(Xhtml + "meta").Single(m => (string?)m.Attribute("name") == "ocr-system").Attribute("content")!.Value;
        var pages = document.Descendants(Xhtml + "div").Where(d => HasClass(d, "ocr_page")).Select(page =>
        {
            var title = Properties(page);
            var words = page.Descendants(Xhtml + "span").Where(s => HasClass(s, "ocrx_word")).Select(word =>
            {
                var properties = Properties(word);
                return new Word((string)word.Attribute("id")!, word.Value, ParseBox(properties["bbox"]),
                    int.Parse(properties["x_wconf"], CultureInfo.InvariantCulture));
            }).ToList();
            var lines = page.Descendants(Xhtml + "span").Where(s => HasClass(s, "ocr_line")).Select(Properties)
                .Where(p => p.ContainsKey("baseline"))
                .Select(p => new Line(ParseBox(p["bbox"]), double.Parse(p["baseline"].Split(' ')[0], CultureInfo.InvariantCulture)))
                .ToList();
            return new Page((string)page.Attribute("id")!, int.Parse(title["ppageno"], CultureInfo.InvariantCulture),
                title.TryGetValue("bbox", out var box) ? ParseBox(box) : null, title.GetValueOrDefault("x_source"), lines, words);
        }).ToList();
        return new Hocr(system, pages);
    }

    private static bool HasClass(XElement element, string name) => (string?)element.Attribute("class") == name;

    /// <summary>hOCR's title: "name value; name value ...".</summary>
    private static Dictionary<string, string> Properties(XElement element) =>
        ((string?)element.Attribute("title") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    private static Box ParseBox(string value)
    {
        var n = value.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new Box(n[0], n[1], n[2], n[3]);
    }
}
