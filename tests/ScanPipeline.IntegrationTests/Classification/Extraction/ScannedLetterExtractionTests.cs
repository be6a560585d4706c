using ScanPipeline.Classification.Extraction;
using ScanPipeline.Core.Classification;
using ScanPipeline.IntegrationTests.Imaging;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Classification.Extraction;

/// <summary>
/// The extractor on what the pipeline really reads: Tesseract's text of the scanned letters in samples/scans
/// (grey JPEG, G4, bitonal, noisy), compared with the extractor's result on the same letters' source text
/// (samples/scans/groundtruth). Each field value found in the source text counts as recalled when the OCR
/// text gives the same value; a value only the OCR text gives counts against precision.
/// </summary>
/// <remarks>
/// By default a quick set of six scans runs (CI, about 15 s): the ones carrying file and cash references, an
/// IBAN, an e-mail address and a sender block with OCR specks. Every scan (about 45 s on 2 cores):
/// <code>SCANPIPE_EXTRACTION=full OMP_THREAD_LIMIT=1 dotnet test tests/ScanPipeline.IntegrationTests --filter "FullyQualifiedName~ScannedLetterExtraction" --logger "console;verbosity=detailed"</code>
/// </remarks>
[Collection(ImagingCollection.Name)]
public sealed class ScannedLetterExtractionTests(RecognizerFixture fixture, ITestOutputHelper output)
{
    // Floors a little below the figures measured on the quick set (full set in the README's "Extraction" section).
    private const double MinRecall = 0.85;
    private const double MinPrecision = 0.85;
    private const double MinSenderPostcodeRate = 0.80;

    private static readonly string[] QuickSet =
    [
        "02-beschwerde-gray.jpg", "05-rechnung-g4.tif", "09-widerspruch-g4.tif",
        "13-bussgeldeinspruch-scan.pdf", "19-kitaanmeldung-gray-lzw.tif", "22-bauantrag-gray.jpg",
    ];

    [RequiresTesseractFact]
    public async Task Fields_read_from_OCR_text_match_those_of_the_source_text()
    {
        var full = string.Equals(Environment.GetEnvironmentVariable("SCANPIPE_EXTRACTION"), "full", StringComparison.OrdinalIgnoreCase);
        var scans = full
            ? Directory.EnumerateFiles(Repository.Path("samples/scans/groundtruth"), "*.txt").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToList()
            : [.. QuickSet];

        var perField = new Dictionary<string, (int Truth, int Ocr, int Same)>();
        int sendersExpected = 0, senderPostcodes = 0, sendersExact = 0;
        foreach (var scan in scans)
        {
            var document = await fixture.Recognizer.RecognizeBytesAsync(await File.ReadAllBytesAsync(Repository.Path($"samples/scans/{scan}")));
            var fromOcr = FieldExtractor.Extract(document.FullText);
            var fromSource = FieldExtractor.Extract(await File.ReadAllTextAsync(Repository.Path($"samples/scans/groundtruth/{scan}.txt")));

            foreach (var (field, truth, ocr) in Values(fromSource, fromOcr))
            {
                var (t, o, s) = perField.GetValueOrDefault(field);
                perField[field] = (t + truth.Count, o + ocr.Count, s + truth.Intersect(ocr).Count());
                var missed = truth.Except(ocr).ToList();
                var extra = ocr.Except(truth).ToList();
                if (missed.Count + extra.Count > 0)
                    output.WriteLine($"  {scan} {field}: missed [{string.Join("; ", missed)}], extra [{string.Join("; ", extra)}]");
            }
            if (fromSource.Sender is { } expected)
            {
                sendersExpected++;
                if (fromOcr.Sender?.Postcode == expected.Postcode) senderPostcodes++;
                if (fromOcr.Sender == expected) sendersExact++;
                else output.WriteLine($"  {scan} sender: {expected} read as {fromOcr.Sender}");
            }
        }

        var truthTotal = perField.Values.Sum(v => v.Truth);
        var ocrTotal = perField.Values.Sum(v => v.Ocr);
        var sameTotal = perField.Values.Sum(v => v.Same);
        var recall = (double)sameTotal / truthTotal;
        var precision = ocrTotal == 0 ? 0 : (double)sameTotal / ocrTotal;
        var senderRate = sendersExpected == 0 ? 0 : (double)senderPostcodes / sendersExpected;

        output.WriteLine($"{scans.Count} scans ({(full ? "full" : "quick")} set): field values from the source text {truthTotal}, from OCR {ocrTotal}, the same {sameTotal}");
        output.WriteLine($"recall {recall:P1}, precision {precision:P1}; sender postcode right in {senderPostcodes} of {sendersExpected}, whole sender in {sendersExact}");
        foreach (var (field, (t, o, s)) in perField.OrderBy(f => f.Key, StringComparer.Ordinal))
            output.WriteLine($"  {field,-15} source {t,3}  OCR {o,3}  same {s,3}");

        Assert.True(truthTotal >= 20, $"only {truthTotal} field values in the source texts: have the samples changed?");
        Assert.True(recall >= MinRecall, $"recall on OCR text {recall:P1} < {MinRecall:P0}");
        Assert.True(precision >= MinPrecision, $"precision on OCR text {precision:P1} < {MinPrecision:P0}");
        Assert.True(senderRate >= MinSenderPostcodeRate, $"sender postcode right in {senderRate:P1} < {MinSenderPostcodeRate:P0}");
    }

    /// <summary>Each list field as comparable strings: from the source text, from the OCR text.</summary>
    private static IEnumerable<(string Field, IReadOnlyList<string> Truth, IReadOnlyList<string> Ocr)> Values(DocumentFields truth, DocumentFields ocr)
    {
        yield return ("fileReferences", truth.FileReferences, ocr.FileReferences);
        yield return ("cashReferences", [.. truth.CashReferences.Select(c => $"{c.Kind}:{c.Value}")], [.. ocr.CashReferences.Select(c => $"{c.Kind}:{c.Value}")]);
        yield return ("dates", [.. truth.Dates.Select(d => d.Date.ToString("yyyy-MM-dd"))], [.. ocr.Dates.Select(d => d.Date.ToString("yyyy-MM-dd"))]);
        yield return ("ibans", truth.Ibans, ocr.Ibans);
        yield return ("emails", truth.Emails, ocr.Emails);
    }
}
