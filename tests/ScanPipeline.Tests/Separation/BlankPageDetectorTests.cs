using ScanPipeline.Imaging.Analysis;
using Xunit.Abstractions;

namespace ScanPipeline.Tests.Separation;

/// <summary>
/// Blank-page detection on generated pages: what scanners and paper add must not make a page count as written
/// on, and the least a person writes (a signature and a date, a few words) must not make it count as blank.
/// </summary>
public sealed class BlankPageDetectorTests(ITestOutputHelper output)
{
    public static TheoryData<string> BlankPages => new()
    {
        "clean", "grain-and-specks", "punch-holes", "staple-shadow", "dark-edge", "bleed-through", "grey-recycled-paper",
        "everything-at-once", "everything-at-300-dpi",
    };

    private static TestPage Blank(string kind) => kind switch
    {
        "clean" => new TestPage(),
        "grain-and-specks" => new TestPage(seed: 2).Grain(14).Specks(600),
        "punch-holes" => new TestPage(seed: 3).Grain(6).PunchHoles(),
        "staple-shadow" => new TestPage(seed: 4).Grain(6).StapleShadow(),
        "dark-edge" => new TestPage(seed: 5).Grain(6).DarkEdge(),
        "bleed-through" => new TestPage(seed: 6).BleedThrough().Grain(6),
        "grey-recycled-paper" => new TestPage(paper: 200, seed: 7).BleedThrough(tone: 170).Grain(10).Specks(300),
        "everything-at-once" => new TestPage(seed: 8).BleedThrough().PunchHoles().StapleShadow().DarkEdge().Grain(12).Specks(500),
        "everything-at-300-dpi" => new TestPage(dpi: 300, seed: 9).BleedThrough().PunchHoles().StapleShadow().DarkEdge().Grain(12).Specks(500),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [MemberData(nameof(BlankPages))]
    public void A_page_with_only_scanner_and_paper_marks_is_blank(string kind)
    {
        var verdict = BlankPageDetector.Detect(Blank(kind).ToImage());

        output.WriteLine($"{kind}: {verdict}");
        Assert.True(verdict.IsBlank, $"{kind}: {verdict}");
        Assert.True(verdict.InkSquareMillimetres < BlankDetectionSettings.Default.MaxInkSquareMillimetres);
    }

    public static TheoryData<string> WrittenPages => new()
    {
        "signature-and-date", "signature-only", "few-handwritten-words", "one-short-word", "light-blue-pen-note",
        "note-among-scanner-marks", "note-at-300-dpi", "typed-letter", "black-sheet",
    };

    private static TestPage Written(string kind) => kind switch
    {
        // A signature and the date beside it, nothing else.
        "signature-and-date" => new TestPage(seed: 11).Grain(6).Scribble(110, 230, 45, 12, strokes: 8).TextLines(30, 240, 1, 22, 30),
        "signature-only" => new TestPage(seed: 12).Grain(6).Scribble(110, 230, 40, 10, strokes: 7),
        "few-handwritten-words" => new TestPage(seed: 13).Grain(6).Scribble(40, 120, 35, 6, strokes: 6),
        "one-short-word" => new TestPage(seed: 14).Grain(6).Scribble(90, 150, 9, 5, strokes: 2),
        "light-blue-pen-note" => new TestPage(seed: 15).Grain(6).Scribble(40, 120, 30, 6, strokes: 5, tone: 125, penMm: 0.3),
        "note-among-scanner-marks" => new TestPage(seed: 16).BleedThrough().PunchHoles().StapleShadow().DarkEdge().Grain(12).Specks(500)
            .Scribble(60, 200, 25, 6, strokes: 4),
        "note-at-300-dpi" => new TestPage(dpi: 300, seed: 17).Grain(10).Specks(400).Scribble(60, 200, 25, 6, strokes: 4),
        "typed-letter" => new TestPage(seed: 18).Grain(8).TextLines(25, 40, 40, 160, 25),
        "black-sheet" => new TestPage(seed: 19).FillRectangle(0, 0, TestPage.WidthMm, TestPage.HeightMm, 20).Grain(10),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [MemberData(nameof(WrittenPages))]
    public void A_page_with_a_little_writing_is_not_blank(string kind)
    {
        var verdict = BlankPageDetector.Detect(Written(kind).ToImage());

        output.WriteLine($"{kind}: {verdict}");
        Assert.False(verdict.IsBlank, $"{kind}: {verdict}");
        Assert.True(verdict.InkSquareMillimetres >= BlankDetectionSettings.Default.MaxInkSquareMillimetres);
    }

    [Fact]
    public void Scanner_marks_are_counted_as_ignored_not_as_ink()
    {
        var verdict = BlankPageDetector.Detect(new TestPage(seed: 21).PunchHoles().StapleShadow().DarkEdge().Specks(50, maxDiameterMm: 0.9).ToImage());

        Assert.Equal(0, verdict.InkSquareMillimetres);
        Assert.Equal(0, verdict.MarksCounted);
        Assert.True(verdict.MarksIgnored >= 2 + 50 / 2, verdict.ToString());   // both holes, most specks (some fall in the margin band)
    }

    [Fact]
    public void The_threshold_is_a_setting()
    {
        var page = new TestPage(seed: 22).Scribble(90, 150, 9, 5, strokes: 2).ToImage();
        var verdict = BlankPageDetector.Detect(page);

        var stricter = BlankPageDetector.Detect(page, BlankDetectionSettings.Default with { MaxInkSquareMillimetres = verdict.InkSquareMillimetres + 1 });

        Assert.False(verdict.IsBlank);
        Assert.True(stricter.IsBlank);
        Assert.Equal(verdict.InkSquareMillimetres, stricter.InkSquareMillimetres);
    }
}
