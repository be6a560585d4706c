using System.Text;

namespace ScanPipeline.SampleGenerator.Letters;

/// <summary>What a block of a letter is; the page renderer places blocks by kind.</summary>
public enum BlockKind
{
    Letterhead, ReturnLine, Sender, Recipient, References, DateLine, Subject, Salutation,
    Heading, Paragraph, Fields, Table, Closing, Signature, Enclosures, Footer, PageBreak,
}

public abstract record Block(BlockKind Kind);

public sealed record TextBlock(BlockKind Kind, IReadOnlyList<string> Lines) : Block(Kind);

/// <summary>Form-like "label: value" lines.</summary>
public sealed record FieldsBlock(IReadOnlyList<Field> Fields) : Block(BlockKind.Fields);

public sealed record Field(string Label, string Value);

/// <summary>A table such as invoice line items, with right-aligned number columns and a totals section.</summary>
public sealed record TableBlock(
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<bool> RightAligned,
    IReadOnlyList<Field> Totals) : Block(BlockKind.Table);

public sealed record PageBreakBlock() : Block(BlockKind.PageBreak);

/// <summary>Layout choices made when the letter was composed; the renderer follows them.</summary>
public sealed record LetterLayout(bool SenderOnRight, bool DateRightAligned, bool BoldSubject);

/// <summary>One generated letter: its label and its blocks in reading order.</summary>
public sealed class Letter(string documentType, string departmentCode, int seed, IReadOnlyList<Block> blocks, LetterLayout layout)
{
    public string DocumentType { get; } = documentType;
    public string DepartmentCode { get; } = departmentCode;
    public int Seed { get; } = seed;
    public IReadOnlyList<Block> Blocks { get; } = blocks;
    public LetterLayout Layout { get; } = layout;

    /// <summary>The letter as it reads on paper, top to bottom, blocks separated by a blank line.</summary>
    public string ToPlainText()
    {
        var sb = new StringBuilder();
        foreach (var block in Blocks)
        {
            var lines = PlainLines(block);
            if (lines.Count == 0) continue;
            if (sb.Length > 0) sb.Append('\n');
            foreach (var line in lines) sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    public static IReadOnlyList<string> PlainLines(Block block) => block switch
    {
        TextBlock t => t.Lines,
        FieldsBlock f => f.Fields.Select(x => x.Label.Length == 0 ? x.Value : $"{x.Label}: {x.Value}").ToList(),
        TableBlock t => TableLines(t),
        _ => [],
    };

    private static List<string> TableLines(TableBlock t)
    {
        var widths = t.Header.Select(h => h.Length).ToArray();
        foreach (var row in t.Rows)
            for (var i = 0; i < row.Count; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        string Format(IReadOnlyList<string> cells) => string.Join("  ",
            cells.Select((c, i) => t.RightAligned[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        var lines = new List<string> { Format(t.Header) };
        lines.AddRange(t.Rows.Select(Format));
        var labelWidth = t.Totals.Count == 0 ? 0 : t.Totals.Max(x => x.Label.Length);
        var valueWidth = t.Totals.Count == 0 ? 0 : t.Totals.Max(x => x.Value.Length);
        var totalWidth = Format(t.Header).Length;
        foreach (var total in t.Totals)
        {
            var text = total.Label.PadRight(labelWidth) + "  " + total.Value.PadLeft(valueWidth);
            lines.Add(text.PadLeft(Math.Max(totalWidth, text.Length)));
        }
        return lines;
    }
}
