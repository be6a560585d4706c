using ScanPipeline.Imaging.Ocr;
using ScanPipeline.Imaging.Preparation;
using Xunit;

namespace ScanPipeline.Tests.Preparation;

/// <summary>When a page is turned: OSD's verdict against the word shapes and confidences of the two readings.</summary>
public sealed class OrientationRulesTests
{
    private static PageReading Reading(int confidence, int words, int tall) => new("text", confidence, words, tall);

    [Theory]
    [InlineData(90, 1)]
    [InlineData(180, 2)]
    [InlineData(270, 3)]
    [InlineData(0, 0)]
    public void Osd_degrees_turned_clockwise_become_the_quarter_turns_back_to_upright(int turned, int quarterTurns)
    {
        // OSD says how far the page was turned clockwise; turning on clockwise by the rest of the circle undoes it.
        Assert.Equal(quarterTurns == 0 ? 0 : 4 - quarterTurns, new DetectedOrientation(turned, 10, "Latin").QuarterTurnsToUpright);
    }

    [Fact]
    public void A_quarter_turn_fits_only_a_page_whose_words_stand_tall()
    {
        var sideways = Reading(93, words: 110, tall: 100);   // Tesseract read the sideways lines, confidently
        var upright = Reading(65, words: 110, tall: 8);      // a poor but upright page

        Assert.True(PageReader.FitsWordShapes(new DetectedOrientation(90, 12, "Latin"), sideways));
        Assert.True(PageReader.FitsWordShapes(new DetectedOrientation(270, 12, "Latin"), sideways));
        Assert.False(PageReader.FitsWordShapes(new DetectedOrientation(90, 12, "Latin"), upright));
        Assert.False(PageReader.FitsWordShapes(new DetectedOrientation(270, 12, "Latin"), upright));
    }

    [Fact]
    public void A_half_turn_fits_only_a_page_whose_words_lie_wide()
    {
        Assert.True(PageReader.FitsWordShapes(new DetectedOrientation(180, 12, "Latin"), Reading(44, 110, 7)));
        Assert.False(PageReader.FitsWordShapes(new DetectedOrientation(180, 12, "Latin"), Reading(44, 110, 100)));
    }

    [Theory]
    [InlineData(44, 92, true)]    // upside down, then upright: much better
    [InlineData(93, 92, true)]    // sideways read well already, turned reads the same
    [InlineData(93, 88, true)]    // within the tolerance
    [InlineData(70, 40, false)]   // a wrong verdict: the turned page reads far worse
    [InlineData(93, 87, false)]   // beyond the tolerance
    public void The_turned_reading_must_be_about_as_confident_or_more(int before, int after, bool kept) =>
        Assert.Equal(kept, PageReader.Confirms(Reading(before, 100, 5), Reading(after, 100, 5)));

    [Fact]
    public void A_turned_page_whose_words_still_stand_tall_does_not_confirm_a_quarter_turn() =>
        Assert.False(PageReader.Confirms(Reading(60, 100, 90), Reading(90, 100, 80)));

    [Fact]
    public void An_empty_reading_is_not_sideways() => Assert.False(Reading(0, 0, 0).MostlySideways);
}
