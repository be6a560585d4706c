using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace ScanPipeline.Web.Dashboard;

/// <summary>The words a chart carries: its title and a summary (both read by screen readers), and tooltip texts.</summary>
public sealed record ChartText(string Title, string Description, string Now, Func<DateTimeOffset, long, string> PointLabel);

/// <summary>
/// Server-rendered SVG charts over a <see cref="TimeAxis"/>: bars for throughput, lines for the backlog. The
/// Content-Security-Policy allows no inline style, so shapes carry only geometry and classes (colours are in
/// site.css). Each chart is an image with a title and a description (role="img", aria-labelledby); the numbers
/// are also in a table beside it. Text goes through <see cref="XElement"/>, which escapes it.
/// </summary>
public static class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public const int Width = 720;
    public const int Height = 220;
    private const int Left = 48, Right = 12, Top = 12, Bottom = 28;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    /// <summary>The hours between two labels on the time axis.</summary>
    public static readonly TimeSpan LabelEvery = TimeSpan.FromHours(2);

    /// <summary>Number of series colours in site.css (.series-0 … .series-7); more series reuse them in turn.</summary>
    public const int SeriesColours = 8;

    /// <summary>One bar per bucket with a value above zero.</summary>
    public static HtmlString Bars(string id, ChartText text, TimeAxis axis, TimeZoneInfo zone, DateTimeOffset now, IReadOnlyList<int> values)
    {
        var top = AxisMaximum(values.DefaultIfEmpty(0).Max());
        var svg = Frame(id, text, axis, zone, now, top);
        var slot = PlotWidth / axis.BucketCount;
        for (var i = 0; i < values.Count && i < axis.BucketCount; i++)
        {
            if (values[i] <= 0) continue;
            var height = PlotHeight * values[i] / top;
            svg.Add(new XElement(Svg + "rect",
                new XAttribute("class", "chart-bar"),
                new XAttribute("x", Number(Left + i * slot)), new XAttribute("y", Number(Top + PlotHeight - height)),
                new XAttribute("width", Number(Math.Max(1, slot - 1))), new XAttribute("height", Number(height)),
                new XElement(Svg + "title", text.PointLabel(axis.BucketStart(i), values[i]))));
        }
        return Html(svg);
    }

    /// <summary>
    /// One line per series through the bucket centres; a bucket without a value (null) breaks the line, and a point
    /// with no neighbour is drawn as a dot. Series k has the class series-(k mod <see cref="SeriesColours"/>).
    /// </summary>
    public static HtmlString Lines(string id, ChartText text, TimeAxis axis, TimeZoneInfo zone, DateTimeOffset now,
        IReadOnlyList<IReadOnlyList<long?>> series)
    {
        var top = AxisMaximum(series.SelectMany(s => s).Select(v => v ?? 0).DefaultIfEmpty(0).Max());
        var svg = Frame(id, text, axis, zone, now, top);
        var slot = PlotWidth / axis.BucketCount;
        for (var k = 0; k < series.Count; k++)
        {
            var group = new XElement(Svg + "g", new XAttribute("class", $"chart-series series-{k % SeriesColours}"));
            var segment = new List<(double X, double Y, int Bucket, long Value)>();
            void Flush()
            {
                if (segment.Count == 1)
                    group.Add(new XElement(Svg + "circle", new XAttribute("cx", Number(segment[0].X)), new XAttribute("cy", Number(segment[0].Y)),
                        new XAttribute("r", "2.5"), new XElement(Svg + "title", text.PointLabel(axis.BucketStart(segment[0].Bucket), segment[0].Value))));
                else if (segment.Count > 1)
                    group.Add(new XElement(Svg + "polyline", new XAttribute("fill", "none"),
                        new XAttribute("points", string.Join(' ', segment.Select(p => $"{Number(p.X)},{Number(p.Y)}")))));
                segment.Clear();
            }
            for (var i = 0; i < series[k].Count && i < axis.BucketCount; i++)
            {
                if (series[k][i] is not { } value)
                {
                    Flush();
                    continue;
                }
                segment.Add((Left + (i + 0.5) * slot, Top + PlotHeight - PlotHeight * value / top, i, value));
            }
            Flush();
            svg.Add(group);
        }
        return Html(svg);
    }

    /// <summary>
    /// The top of the value axis: the smallest of 2, 4, 6, 8, 10 × 10^k that is at least <paramref name="max"/>,
    /// so that the middle grid line falls on a whole number too.
    /// </summary>
    public static long AxisMaximum(long max)
    {
        for (long scale = 1; ; scale *= 10)
            foreach (var step in new long[] { 2, 4, 6, 8, 10 })
                if (step * scale >= max) return step * scale;
    }

    /// <summary>The svg element with title, description, grid lines, value labels, hour labels and the "now" marker.</summary>
    private static XElement Frame(string id, ChartText text, TimeAxis axis, TimeZoneInfo zone, DateTimeOffset now, long top)
    {
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("class", "chart"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("id", id),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), text.Title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), text.Description));

        foreach (var value in new[] { 0, top / 2, top })
        {
            var y = Top + PlotHeight - PlotHeight * value / top;
            svg.Add(new XElement(Svg + "line", new XAttribute("class", value == 0 ? "chart-axis" : "chart-grid"),
                new XAttribute("x1", Left), new XAttribute("x2", Number(Left + PlotWidth)), new XAttribute("y1", Number(y)), new XAttribute("y2", Number(y))));
            svg.Add(new XElement(Svg + "text", new XAttribute("class", "chart-label"), new XAttribute("x", Left - 6), new XAttribute("y", Number(y + 4)),
                new XAttribute("text-anchor", "end"), value.ToString("N0", CultureInfo.CurrentCulture)));
        }

        var span = axis.End - axis.Start;
        for (var at = axis.Start; at < axis.End; at += LabelEvery)
        {
            var x = X(at, axis, span);
            svg.Add(new XElement(Svg + "line", new XAttribute("class", "chart-tick"), new XAttribute("x1", Number(x)), new XAttribute("x2", Number(x)),
                new XAttribute("y1", Top + PlotHeight), new XAttribute("y2", Number(Top + PlotHeight + 4))));
            svg.Add(new XElement(Svg + "text", new XAttribute("class", "chart-label"), new XAttribute("x", Number(x)), new XAttribute("y", Height - 8),
                new XAttribute("text-anchor", "middle"), TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.CurrentCulture)));
        }

        if (now >= axis.Start && now < axis.End)
        {
            var x = X(now, axis, span);
            svg.Add(new XElement(Svg + "line", new XAttribute("class", "chart-now"), new XAttribute("x1", Number(x)), new XAttribute("x2", Number(x)),
                new XAttribute("y1", Top), new XAttribute("y2", Top + PlotHeight),
                new XElement(Svg + "title", $"{text.Now} {TimeZoneInfo.ConvertTime(now, zone).ToString("HH:mm", CultureInfo.CurrentCulture)}")));
        }
        return svg;
    }

    private static double X(DateTimeOffset at, TimeAxis axis, TimeSpan span) => Left + PlotWidth * ((at - axis.Start) / span);

    private static string Number(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static HtmlString Html(XElement svg) => new(svg.ToString(SaveOptions.DisableFormatting));
}
