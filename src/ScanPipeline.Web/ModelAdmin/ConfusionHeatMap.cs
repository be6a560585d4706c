using System.Globalization;
using ScanPipeline.Classification.Evaluation;

namespace ScanPipeline.Web.ModelAdmin;

/// <summary>One cell of the heat map: where it is drawn, its colours, and what it counts.</summary>
public sealed record HeatMapCell(int Row, int Column, int Count, double Share, double X, double Y, string Fill, string TextFill);

/// <summary>
/// The geometry and colours of a confusion matrix drawn as a heat map in server-rendered SVG (presentation
/// attributes only: the Content-Security-Policy allows no style attributes). Rows are the true types, columns
/// the predicted ones. A cell's shade is its share of the row (the documents of that true type): right answers on
/// the diagonal in blue, confusions off it in red, so that a single misread document stands out. Every cell's
/// number is printed in the colour (dark or white) that contrasts more with its fill (at least 4.5:1).
/// </summary>
public sealed class ConfusionHeatMap
{
    public const double CellSize = 40;
    public const double FontSize = 12;

    /// <summary>Width of a character of the 12-px label font, generously estimated, for the label margins.</summary>
    private const double CharWidth = 7.2;

    private const string Ink = "#1b1f24";
    private const string White = "#ffffff";
    private static readonly (int R, int G, int B) CorrectColour = (0x0b, 0x3d, 0x66);
    private static readonly (int R, int G, int B) ConfusedColour = (0xa4, 0x16, 0x1a);

    /// <summary>The faintest shade of a confusion, so that one document among many is still visible.</summary>
    private const double MinConfusionShade = 0.25;

    public ConfusionHeatMap(ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        Labels = confusion.Labels;
        var longest = Labels.Count == 0 ? 0 : Labels.Max(l => l.Length);
        LeftMargin = Math.Ceiling(longest * CharWidth) + 12;
        // Column labels are written at 45°: their height and their reach to the right are both about length / √2.
        TopMargin = Math.Ceiling(longest * CharWidth / Math.Sqrt(2)) + 16;
        Width = LeftMargin + Labels.Count * CellSize + TopMargin;
        Height = TopMargin + Labels.Count * CellSize + 2;

        var cells = new List<HeatMapCell>();
        for (var r = 0; r < Labels.Count; r++)
        {
            var row = confusion.Matrix[r];
            var rowTotal = row.Sum();
            for (var c = 0; c < Labels.Count; c++)
            {
                var count = row[c];
                var share = rowTotal == 0 ? 0 : (double)count / rowTotal;
                var shade = count == 0 ? 0 : r == c ? share : Math.Max(MinConfusionShade, share);
                var fill = Blend(r == c ? CorrectColour : ConfusedColour, shade);
                cells.Add(new HeatMapCell(r, c, count, share, LeftMargin + c * CellSize, TopMargin + r * CellSize, Hex(fill), TextOn(fill)));
            }
        }
        Cells = cells;
        Total = confusion.Matrix.Sum(row => row.Sum());
        CorrectCount = Enumerable.Range(0, Labels.Count).Sum(i => confusion.Matrix[i][i]);
        WorstConfusion = cells.Where(c => c.Row != c.Column && c.Count > 0)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Row).ThenBy(c => c.Column)
            .Select(c => (Labels[c.Row], Labels[c.Column], c.Count))
            .Cast<(string Actual, string Predicted, int Count)?>()
            .FirstOrDefault();
    }

    public IReadOnlyList<string> Labels { get; }
    public IReadOnlyList<HeatMapCell> Cells { get; }
    public double LeftMargin { get; }
    public double TopMargin { get; }
    public double Width { get; }
    public double Height { get; }

    /// <summary>Documents counted (abstentions are not in the matrix).</summary>
    public int Total { get; }

    /// <summary>Documents on the diagonal.</summary>
    public int CorrectCount { get; }

    /// <summary>The most frequent confusion: true type, predicted type, documents; null when there is none.</summary>
    public (string Actual, string Predicted, int Count)? WorstConfusion { get; }

    /// <summary>Where row <paramref name="index"/>'s label ends (right-aligned) and column <paramref name="index"/>'s begins.</summary>
    public double RowLabelX => LeftMargin - 6;
    public double RowLabelY(int index) => TopMargin + index * CellSize + CellSize / 2 + FontSize / 3;
    public double ColumnLabelX(int index) => LeftMargin + index * CellSize + CellSize / 2;
    public double ColumnLabelY => TopMargin - 6;

    /// <summary>SVG numbers are written with a dot whatever the page's language.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static (double R, double G, double B) Blend((int R, int G, int B) colour, double shade) =>
        (255 + (colour.R - 255) * shade, 255 + (colour.G - 255) * shade, 255 + (colour.B - 255) * shade);

    private static string Hex((double R, double G, double B) c) =>
        $"#{(int)Math.Round(c.R):x2}{(int)Math.Round(c.G):x2}{(int)Math.Round(c.B):x2}";

    /// <summary>Dark ink or white, whichever has the higher contrast ratio with the fill (WCAG relative luminance).</summary>
    private static string TextOn((double R, double G, double B) fill)
    {
        var luminance = Luminance(fill);
        var inkLuminance = Luminance((0x1b, 0x1f, 0x24));
        var onInk = (luminance + 0.05) / (inkLuminance + 0.05);
        var onWhite = 1.05 / (luminance + 0.05);
        return onInk >= onWhite ? Ink : White;
    }

    private static double Luminance((double R, double G, double B) c) =>
        0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);

    private static double Linear(double channel)
    {
        var s = Math.Round(channel) / 255;
        return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}
