using System.Globalization;
using System.Xml.Linq;
using ScanPipeline.Web.Dashboard;

namespace ScanPipeline.Tests.Web.Dashboard;

/// <summary>The server-rendered charts: geometry that follows the numbers, and the text alternative.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateTimeOffset Midnight = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeAxis Day = new(Midnight, Midnight.AddDays(1), TimeSpan.FromMinutes(10));

    private static ChartText Text(string title = "Seiten je 10 Minuten") =>
        new(title, "Beschreibung", "jetzt", (at, value) => $"{at:HH:mm} {value}");

    private static XElement Parse(Microsoft.AspNetCore.Html.HtmlString html) => XElement.Parse(html.Value!);

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 8)]
    [InlineData(9, 10)]
    [InlineData(11, 20)]
    [InlineData(41, 60)]
    [InlineData(950, 1000)]
    public void The_value_axis_ends_on_a_round_even_number(long max, long top) => Assert.Equal(top, SvgChart.AxisMaximum(max));

    [Fact]
    public void Bars_are_drawn_for_buckets_with_pages_and_their_heights_follow_the_values()
    {
        var values = new int[144];
        values[60] = 40;
        values[61] = 10;

        var svg = Parse(SvgChart.Bars("c1", Text(), Day, TimeZoneInfo.Utc, Midnight.AddHours(12), values));

        var bars = svg.Elements(Svg + "rect").ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(4.0, Number(bars[0], "height") / Number(bars[1], "height"), precision: 1);
        Assert.True(Number(bars[0], "x") < Number(bars[1], "x"));
        Assert.Equal("10:00 40", bars[0].Element(Svg + "title")!.Value);
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "40"); // axis top: 40 is a round even number
    }

    [Fact]
    public void A_chart_is_an_image_named_by_its_title_and_description_with_no_style_attributes()
    {
        var svg = Parse(SvgChart.Bars("c2", Text("<Linie & Co>"), Day, TimeZoneInfo.Utc, Midnight.AddHours(12), new int[144]));

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("c2-title c2-desc", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal("<Linie & Co>", svg.Element(Svg + "title")!.Value);
        Assert.Equal("c2-title", svg.Element(Svg + "title")!.Attribute("id")!.Value);
        Assert.Equal("Beschreibung", svg.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        Assert.Empty(svg.Elements(Svg + "rect"));
        // Hour labels every two hours, and the "now" marker at noon, half way along the plot.
        Assert.Equal(12, svg.Elements(Svg + "text").Count(t => t.Value.EndsWith(":00", StringComparison.Ordinal)));
        var now = svg.Elements(Svg + "line").Single(l => l.Attribute("class")!.Value == "chart-now");
        Assert.Equal(48 + (720 - 48 - 12) / 2.0, Number(now, "x1"), precision: 1);
    }

    [Fact]
    public void A_gap_in_the_readings_breaks_the_line_and_a_lone_reading_is_a_dot()
    {
        var first = new long?[144];
        first[0] = 1;
        first[1] = 5;
        first[2] = 2;
        first[10] = 4; // alone: neighbours without readings
        first[20] = 0;
        first[21] = 3;
        var second = new long?[144];
        second[5] = 2;
        second[6] = 2;

        var svg = Parse(SvgChart.Lines("c3", Text(), Day, TimeZoneInfo.Utc, Midnight.AddHours(12), [first, second]));

        var groups = svg.Elements(Svg + "g").ToList();
        Assert.Equal(["chart-series series-0", "chart-series series-1"], groups.Select(g => g.Attribute("class")!.Value));
        Assert.Equal(2, groups[0].Elements(Svg + "polyline").Count());
        Assert.Equal(3, groups[0].Elements(Svg + "polyline").First().Attribute("points")!.Value.Split(' ').Length);
        var dot = groups[0].Elements(Svg + "circle").Single();
        Assert.Equal("01:40 4", dot.Element(Svg + "title")!.Value);
        Assert.Single(groups[1].Elements(Svg + "polyline"));
        // The highest reading (5) touches the axis top (6), a zero lies on the base line.
        var points = groups[0].Elements(Svg + "polyline").Last().Attribute("points")!.Value.Split(' ');
        Assert.Equal(220 - 28, double.Parse(points[0].Split(',')[1], CultureInfo.InvariantCulture), precision: 1);
    }
}
