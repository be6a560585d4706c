using System.Globalization;
using System.Text.Json;
using ScanPipeline.Classification.Extraction;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Classification.Extraction;

/// <summary>
/// Dates on real German till receipts (../shared/data/receipts-de): the text is the lines of the commercial
/// OCR result that comes with each receipt (<c>*_blocks.json</c>, approximate, as real OCR is), the truth is
/// the date in the file name (<c>MERCHANT_DDMMYYYY_…</c>). Receipts print short years ("09.05.20") and OCR
/// damages some dates beyond reading ("23,03.20", "Datum 23.09.1"); those are not guessed.
/// </summary>
public sealed class ReceiptExtractionTests(ITestOutputHelper output)
{
    /// <summary>Measured 14 of 19 (73.7 %); every miss is a date damaged by the OCR or printed without its year.</summary>
    private const double MinDateRecall = 0.70;

    [Fact]
    public void The_purchase_date_is_among_the_dates_found()
    {
        var receipts = Directory.EnumerateFiles(TestData.Path("receipts-de"), "*_blocks.json").Order(StringComparer.Ordinal).ToList();
        int hits = 0, otherDates = 0;
        foreach (var file in receipts)
        {
            var name = Path.GetFileName(file);
            var truth = DateOnly.ParseExact(name.Split('_')[1], "ddMMyyyy", CultureInfo.InvariantCulture);
            var dates = FieldExtractor.Extract(Lines(file)).Dates;
            otherDates += dates.Count(d => d.Date != truth);
            if (dates.Any(d => d.Date == truth)) hits++;
            else output.WriteLine($"  {name}: {truth:yyyy-MM-dd} not in [{string.Join(", ", dates.Select(d => d.Text))}]");
        }

        var recall = (double)hits / receipts.Count;
        output.WriteLine($"Purchase date found on {hits} of {receipts.Count} receipts ({recall:P1}); {otherDates} other dates found");
        Assert.True(receipts.Count >= 15, $"only {receipts.Count} receipts: has the data changed?");
        Assert.True(recall >= MinDateRecall, $"receipt date recall {recall:P1} < {MinDateRecall:P0}");
    }

    /// <summary>The text lines of a Textract-style block list, in their order.</summary>
    private static string Lines(string blocksJson)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(blocksJson));
        return string.Join('\n', json.RootElement.EnumerateArray()
            .Where(b => b.GetProperty("BlockType").GetString() == "LINE")
            .Select(b => b.GetProperty("Text").GetString()));
    }
}
