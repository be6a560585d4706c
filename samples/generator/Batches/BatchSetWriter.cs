using ScanPipeline.SampleGenerator.Corpus;
using ScanPipeline.SampleGenerator.Letters;
using ScanPipeline.SampleGenerator.Scans;
using ScanPipeline.SampleGenerator.Text;
using ZXing;

namespace ScanPipeline.SampleGenerator.Batches;

/// <summary>One document of a generated batch: its pages (1-based, in the file) and what it should end as.</summary>
public sealed record ExpectedDocument(IReadOnlyList<int> Pages, string DocumentType, string Department, string DepartmentName, int Seed, string Subject);

/// <summary>A page that must not end in any document, and why (blank or separator, with the separator's code).</summary>
public sealed record ExpectedRemoval(int Page, string Reason, string? Code);

/// <summary>One row of samples/batches/expected.json.</summary>
public sealed record ExpectedBatch(
    string File, string Format, string Encoding, string Rule, int Pages, string Description,
    IReadOnlyList<ExpectedDocument> Documents, IReadOnlyList<ExpectedRemoval> Removed);

/// <summary>
/// Writes samples/batches: scanner batches of several letters with separator sheets (QR, Code 128, Code 39), blank
/// backs of duplex scans (grain, specks, punch holes, faint bleed-through of the front), pages with only a signature
/// and a date or a few handwritten words, and expected.json with the documents and removed pages of each batch.
/// Seeds come from their own range (400000 on), so no batch letter repeats a training or sample-scan letter.
/// </summary>
public static class BatchSetWriter
{
    private const int SeedBase = 400_000;

    public static void Write(string batchesDir)
    {
        if (Directory.Exists(batchesDir)) Directory.Delete(batchesDir, recursive: true);
        Directory.CreateDirectory(batchesDir);
        var expected = new List<ExpectedBatch>
        {
            new BatchBuilder(1, "separator-sheet", bitonal: true,
                    "Vier Briefe, getrennt durch Trennblätter mit QR-Code, Code 128 (PATCHT) und Code 39; der letzte Brief endet mit einer Seite, auf der nur Ort, Datum und Unterschrift stehen.")
                .Letter(10, pages: 2).Separator(BarcodeFormat.QR_CODE, "SCANPIPE-SEP")
                .Letter(4, pages: 1).Separator(BarcodeFormat.CODE_128, "PATCHT")
                .Letter(2, pages: 1).Separator(BarcodeFormat.CODE_39, "SCANPIPE-SEP")
                .Letter(3, pages: 1).SignatureAndDatePage()
                .Write(batchesDir, "01-trennblaetter-g4.tif", BatchFormat.TiffGroup4),
            new BatchBuilder(2, "separator-sheet", bitonal: false,
                    "Drei Briefe als Bild-PDF (JPEG-Seiten, keine Textebene), getrennt durch Trennblätter mit Code 128 (PATCHT) und QR-Code.")
                .Letter(9, pages: 1).Separator(BarcodeFormat.CODE_128, "PATCHT")
                .Letter(7, pages: 1).Separator(BarcodeFormat.QR_CODE, "SCANPIPE-SEP")
                .Letter(5, pages: 1)
                .Write(batchesDir, "02-trennblaetter-scan.pdf", BatchFormat.PdfImageOnly),
            new BatchBuilder(3, "separator-sheet", bitonal: false,
                    "Duplex-Scan: leere Rückseiten mit Rauschen, Staub, Lochung und durchscheinender Vorderseite; ein Trennblatt mit leerer Rückseite; auf der Rückseite des letzten Briefs stehen ein paar handschriftliche Worte.")
                .Letter(8, pages: 2, duplex: true).Separator(BarcodeFormat.QR_CODE, "SCANPIPE-SEP", blankBack: true)
                .Letter(0, pages: 1).HandwrittenBack()
                .Write(batchesDir, "03-duplex-leerseiten-scan.pdf", BatchFormat.PdfImageOnly),
            new BatchBuilder(4, "blank-page", bitonal: true,
                    "Scan-Straße mit der Regel „Leerseite trennt“: eine leere Seite (mit Lochung) beendet das Dokument; eine Seite mit nur Datum und Unterschrift gehört zum Brief davor.")
                .Letter(11, pages: 1).Blank()
                .Letter(1, pages: 1).SignatureAndDatePage().Blank().Blank()
                .Letter(6, pages: 1)
                .Write(batchesDir, "04-leerseite-trennt-g4.tif", BatchFormat.TiffGroup4),
        };
        Json.Write(Path.Combine(batchesDir, "expected.json"), expected);
    }

    internal static (int Seed, Letter Letter, IReadOnlyList<LaidOutPage> Pages) FindLetter(int typeIndex, int batch, int position, int pages, TypeStyle style)
    {
        var first = CorpusWriter.SeedFor(SeedBase, typeIndex, batch * 200 + position * 40);
        for (var seed = first; seed < first + 40; seed++)
        {
            var letter = LetterBuilder.Build(DocumentTypes.All[typeIndex], seed, longVersion: pages > 1);
            var laid = PageLayout.Lay(letter, style);
            if (laid.Count == pages) return (seed, letter, laid);
        }
        throw new InvalidOperationException($"No seed gives {pages} page(s) for a {DocumentTypes.All[typeIndex].Name} in batch {batch}");
    }
}
