using SkiaSharp;
using ScanPipeline.SampleGenerator.Letters;

namespace ScanPipeline.SampleGenerator.Scans;

/// <summary>A run of text at a position on the page, in points from the top-left corner (y is the baseline).</summary>
public sealed record TextItem(string Text, float X, float Y, float Size, bool Bold);

/// <summary>A straight line (rules under headers, table lines, logo boxes).</summary>
public sealed record RuleItem(float X1, float Y1, float X2, float Y2, float Width);

/// <summary>Where a handwritten signature goes.</summary>
public sealed record SignatureItem(float X, float Y, float Width, float Height);

/// <summary>A picture on the page (a barcode), 8-bit grey pixels placed in a box given in points.</summary>
public sealed record ImageItem(byte[] GrayPixels, int PixelWidth, int PixelHeight, float X, float Y, float Width, float Height);

public sealed class LaidOutPage
{
    public List<TextItem> Texts { get; } = [];
    public List<RuleItem> Rules { get; } = [];
    public List<SignatureItem> Signatures { get; } = [];
    public List<ImageItem> Images { get; } = [];
}

/// <summary>How one letter is typeset: font, size and a few house-style choices.</summary>
public sealed record TypeStyle(FontFamily Font, float BodySize, bool Logo, bool Justify);

/// <summary>
/// Typesets a <see cref="Letter"/> on A4 pages in the manner of DIN 5008: sender on top, recipient in the
/// window field, reference block on the right, then subject and body; footer and page numbers on every page.
/// Measures with Skia, so the raster and the born-digital PDF use the same positions.
/// </summary>
public sealed class PageLayout
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    private const float Mm = 72f / 25.4f;

    private readonly TypeStyle _style;
    private readonly LetterLayout _layout;
    private readonly float _left = 25 * Mm;
    private readonly float _right = PageWidth - 20 * Mm;
    private readonly List<LaidOutPage> _pages = [];
    private readonly List<string> _footer = [];
    private float _y;
    private float _bottom;

    private PageLayout(TypeStyle style, LetterLayout layout)
    {
        _style = style;
        _layout = layout;
    }

    private float Width => _right - _left;
    private float Line(float size) => size * 1.38f;
    private LaidOutPage Page => _pages[^1];

    public static IReadOnlyList<LaidOutPage> Lay(Letter letter, TypeStyle style)
    {
        var layout = new PageLayout(style, letter.Layout);
        return layout.Run(letter);
    }

    private IReadOnlyList<LaidOutPage> Run(Letter letter)
    {
        foreach (var block in letter.Blocks.OfType<TextBlock>().Where(b => b.Kind == BlockKind.Footer)) _footer.AddRange(block.Lines);
        _bottom = PageHeight - (_footer.Count > 0 ? 14 * Mm + _footer.Count * Line(7.5f) : 20 * Mm);
        NewPage();

        var body = _style.BodySize;
        float recipientTop = 0;
        foreach (var block in letter.Blocks)
        {
            switch (block)
            {
                case TextBlock { Kind: BlockKind.Letterhead } t:
                    Letterhead(t.Lines);
                    break;
                case TextBlock { Kind: BlockKind.Sender } t:
                    _y = 15 * Mm;
                    foreach (var line in t.Lines)
                    {
                        _y += Line(body - 1);
                        if (_layout.SenderOnRight) Right(line, _right, _y, body - 1, false);
                        else Add(line, _left, _y, body - 1, false);
                    }
                    break;
                case TextBlock { Kind: BlockKind.ReturnLine } t:
                    var ry = Math.Max(_y + Line(7), 48 * Mm);
                    Add(t.Lines[0], _left, ry, 7, false);
                    Page.Rules.Add(new RuleItem(_left, ry + 2, _left + Measure(t.Lines[0], 7, false), ry + 2, 0.4f));
                    _y = ry;
                    break;
                case TextBlock { Kind: BlockKind.Recipient } t:
                    _y = Math.Max(_y + Line(body) * 0.5f, 50 * Mm);
                    recipientTop = _y;
                    foreach (var line in t.Lines) { _y += Line(body); Add(line, _left, _y, body, false); }
                    break;
                case TextBlock { Kind: BlockKind.References } t:
                    var x = 125 * Mm;
                    var y = recipientTop;
                    foreach (var line in t.Lines)
                    {
                        y += Line(8.5f);
                        var parts = Wrap(line, 8.5f, false, _right - x);
                        for (var j = 0; j < parts.Count; j++)
                        {
                            if (j > 0) y += Line(8.5f);
                            Add(parts[j], x, y, 8.5f, false);
                        }
                    }
                    _y = Math.Max(_y, y) + Line(body);
                    break;
                case TextBlock { Kind: BlockKind.DateLine } t:
                    _y += Line(body) * 1.6f;
                    if (_layout.DateRightAligned) Right(t.Lines[0], _right, _y, body, false);
                    else Add(t.Lines[0], _left, _y, body, false);
                    _y += Line(body) * 0.6f;
                    break;
                case TextBlock { Kind: BlockKind.Subject } t:
                    _y += Line(body) * 1.2f;
                    for (var i = 0; i < t.Lines.Count; i++) Paragraph(t.Lines[i], body, bold: _layout.BoldSubject && i == 0, gapAfter: 0);
                    _y += Line(body) * 0.8f;
                    break;
                case TextBlock { Kind: BlockKind.Heading } t:
                    _y += Line(body) * 0.4f;
                    foreach (var line in t.Lines) Paragraph(line, body + 0.5f, bold: true, gapAfter: 0.2f);
                    break;
                case TextBlock { Kind: BlockKind.Signature } t:
                    EnsureSpace(Line(body) * 3.2f);
                    Page.Signatures.Add(new SignatureItem(_left, _y + 2, 48 * Mm, Line(body) * 2.2f));
                    _y += Line(body) * 2.4f;
                    foreach (var line in t.Lines) Paragraph(line, body, bold: false, gapAfter: 0);
                    _y += Line(body) * 0.6f;
                    break;
                case TextBlock { Kind: BlockKind.Enclosures } t:
                    foreach (var line in t.Lines) Paragraph(line, body - 1, bold: false, gapAfter: 0);
                    _y += Line(body) * 0.6f;
                    break;
                case TextBlock { Kind: BlockKind.Footer }:
                    break;
                case TextBlock t:
                    foreach (var line in t.Lines) Paragraph(line, body, bold: false, gapAfter: 0.55f);
                    break;
                case FieldsBlock f:
                    Fields(f, body);
                    break;
                case TableBlock table:
                    Table(table, body - 1.5f);
                    break;
                case PageBreakBlock:
                    NewPage();
                    break;
            }
        }

        if (_pages.Count > 1)
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                var text = $"Seite {i + 1} von {_pages.Count}";
                var size = 8.5f;
                var w = Measure(text, size, false);
                _pages[i].Texts.Add(new TextItem(text, _right - w, i == 0 ? _bottom + Line(size) : 12 * Mm, size, false));
            }
        }
        return _pages;
    }

    private void NewPage()
    {
        _pages.Add(new LaidOutPage());
        _y = _pages.Count == 1 ? 12 * Mm : 20 * Mm;
        if (_footer.Count > 0)
        {
            var fy = PageHeight - 12 * Mm - _footer.Count * Line(7.5f);
            Page.Rules.Add(new RuleItem(_left, fy, _right, fy, 0.5f));
            foreach (var line in _footer)
            {
                fy += Line(7.5f);
                var w = Measure(line, 7.5f, false);
                var size = w > Width ? 7.5f * Width / w : 7.5f;
                Add(line, _left + (Width - Measure(line, size, false)) / 2, fy, size, false);
            }
        }
    }

    private void Letterhead(IReadOnlyList<string> lines)
    {
        var nameSize = _style.BodySize + 6;
        var y = 12 * Mm + nameSize;
        var maxWidth = _style.Logo ? Width - 26 * Mm : Width;
        foreach (var part in Wrap(lines[0], nameSize, true, maxWidth)) { Add(part, _left, y, nameSize, true); y += Line(nameSize); }
        foreach (var line in lines.Skip(1)) { Add(line, _left, y - Line(nameSize) * 0.3f, 9, false); y += Line(9); }
        if (_style.Logo)
        {
            // A square logo box with the firm's initials, as on many letterheads.
            var size = 20 * Mm;
            var lx = _right - size;
            var ly = 10 * Mm;
            Page.Rules.Add(new RuleItem(lx, ly, lx + size, ly, 2f));
            Page.Rules.Add(new RuleItem(lx + size, ly, lx + size, ly + size, 2f));
            Page.Rules.Add(new RuleItem(lx + size, ly + size, lx, ly + size, 2f));
            Page.Rules.Add(new RuleItem(lx, ly + size, lx, ly, 2f));
            var initials = string.Concat(lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Take(2).Select(w => w[0]));
            var isz = 22f;
            Add(initials, lx + (size - Measure(initials, isz, true)) / 2, ly + size / 2 + isz * 0.36f, isz, true);
            y = Math.Max(y, ly + size + 4);
        }
        Page.Rules.Add(new RuleItem(_left, y, _right, y, 0.8f));
        _y = y;
    }

    private void Fields(FieldsBlock f, float size)
    {
        var labels = f.Fields.Where(x => x.Label.Length > 0).Select(x => Measure(x.Label + ":", size, false)).DefaultIfEmpty(0).Max();
        var labelWidth = Math.Min(labels + 8, Width * 0.45f);
        foreach (var field in f.Fields)
        {
            if (field.Label.Length == 0)
            {
                Paragraph(field.Value, size, false, 0);
                continue;
            }
            var labelLines = Wrap(field.Label + ":", size, false, labelWidth - 6);
            var valueLines = Wrap(field.Value, size, false, Width - labelWidth);
            var rows = Math.Max(labelLines.Count, valueLines.Count);
            EnsureSpace(Line(size) * rows);
            for (var i = 0; i < rows; i++)
            {
                _y += Line(size);
                if (i < labelLines.Count) Add(labelLines[i], _left, _y, size, false);
                if (i < valueLines.Count) Add(valueLines[i], _left + labelWidth, _y, size, false);
            }
        }
        _y += Line(size) * 0.55f;
    }

    private void Table(TableBlock t, float size)
    {
        const float gap = 8f;
        var n = t.Header.Count;
        var widths = new float[n];
        for (var c = 0; c < n; c++)
            widths[c] = t.Rows.Select(r => Measure(r[c], size, false)).Append(Measure(t.Header[c], size, true)).Max();
        // The widest left-aligned column (the description) gives way and wraps.
        var flex = Enumerable.Range(0, n).Where(c => !t.RightAligned[c]).OrderByDescending(c => widths[c]).First();
        var total = widths.Sum() + gap * (n - 1);
        if (total > Width) widths[flex] = Math.Max(60, widths[flex] - (total - Width));
        var xs = new float[n];
        var x = _left;
        for (var c = 0; c < n; c++) { xs[c] = x; x += widths[c] + gap; }

        void Row(IReadOnlyList<string> cells, bool bold)
        {
            var wrapped = cells.Select((cell, c) => c == flex ? Wrap(cell, size, bold, widths[c]) : [cell]).ToList();
            var lines = wrapped.Max(w => w.Count);
            EnsureSpace(Line(size) * lines);
            var top = _y;
            for (var c = 0; c < n; c++)
            {
                var yy = top;
                foreach (var part in wrapped[c])
                {
                    yy += Line(size);
                    if (t.RightAligned[c]) Right(part, xs[c] + widths[c], yy, size, bold);
                    else Add(part, xs[c], yy, size, bold);
                }
            }
            _y = top + Line(size) * lines;
        }

        _y += Line(size) * 0.3f;
        Row(t.Header, true);
        Page.Rules.Add(new RuleItem(_left, _y + 3, _right, _y + 3, 0.6f));
        _y += 3;
        foreach (var row in t.Rows) Row(row, false);
        if (t.Totals.Count > 0)
        {
            Page.Rules.Add(new RuleItem(_left + Width * 0.5f, _y + 3, _right, _y + 3, 0.6f));
            _y += 3;
            foreach (var total2 in t.Totals)
            {
                EnsureSpace(Line(size));
                _y += Line(size);
                var last = total2 == t.Totals[^1];
                Right(total2.Value, _right, _y, size, last);
                Right(total2.Label, _right - 30 * Mm, _y, size, last);
            }
        }
        _y += Line(size) * 0.8f;
    }

    private void Paragraph(string text, float size, bool bold, float gapAfter)
    {
        var lines = Wrap(text, size, bold, Width);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(Line(size));
            _y += Line(size);
            if (_style.Justify && i < lines.Count - 1) Justified(lines[i], size, bold);
            else Add(lines[i], _left, _y, size, bold);
        }
        _y += Line(size) * gapAfter;
    }

    private void Justified(string line, float size, bool bold)
    {
        var words = line.Split(' ');
        if (words.Length < 2) { Add(line, _left, _y, size, bold); return; }
        var wordsWidth = words.Sum(w => Measure(w, size, bold));
        var space = (Width - wordsWidth) / (words.Length - 1);
        if (space > size * 1.2f) { Add(line, _left, _y, size, bold); return; }
        var x = _left;
        foreach (var w in words) { Add(w, x, _y, size, bold); x += Measure(w, size, bold) + space; }
    }

    private void EnsureSpace(float height)
    {
        if (_y + height > _bottom) NewPage();
    }

    private void Add(string text, float x, float y, float size, bool bold)
    {
        if (text.Length > 0) Page.Texts.Add(new TextItem(text, x, y, size, bold));
    }

    private void Right(string text, float right, float y, float size, bool bold) => Add(text, right - Measure(text, size, bold), y, size, bold);

    public float Measure(string text, float size, bool bold)
    {
        using var font = new SKFont(_style.Font.Typeface(bold), size);
        return font.MeasureText(text);
    }

    private List<string> Wrap(string text, float size, bool bold, float width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Measure(candidate, size, bold) > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = candidate;
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        return lines;
    }
}
