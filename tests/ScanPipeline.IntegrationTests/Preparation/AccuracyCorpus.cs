using ScanPipeline.IntegrationTests.Infrastructure;

namespace ScanPipeline.IntegrationTests.Preparation;

/// <summary>One page to read, its ground truth, and which group it counts in (clean pages or hard ones).</summary>
internal sealed record AccuracyPage(string Group, string Source, string Variant, byte[] Image, string Extension, string GroundTruth)
{
    public const string Clean = "clean";
    public const string Hard = "hard";
    public const string Receipts = "sroie";
}

/// <summary>
/// The pages of the accuracy comparison:
/// <list type="bullet">
/// <item><c>sroie</c>: real receipt scans with line ground truth (../shared/data/sroie), as they are;</item>
/// <item><c>clean</c>: the single-page letters of samples/scans (ground truth in samples/scans/groundtruth) and
/// Tesseract's own test pages with ground truth, as they are;</item>
/// <item><c>hard</c>: each of those letters made hard in eight ways (<see cref="Variants"/>).</item>
/// </list>
/// The quick set (the default, for CI) is a few of each; the full set is every page.
/// </summary>
internal static class AccuracyCorpus
{
    /// <summary>Single-page letters (several formats) whose ground truth is their whole text.</summary>
    private static readonly string[] Letters =
    [
        "04-bewerbung-gray.png", "06-rechnung-bitonal.png", "02-beschwerde-gray.jpg", "08-hundesteueranmeldung-gray.jpg",
        "10-widerspruch-bitonal.png", "11-gewerbeanmeldung-bitonal.png", "16-urkundenantrag-gray.jpg",
        "19-kitaanmeldung-gray-lzw.tif", "20-kitaanmeldung-gray.jpg", "22-bauantrag-gray.jpg", "24-baumfaellantrag-gray.png",
    ];

    /// <summary>Tesseract's test pages (shared data) with their ground truth: image, text.</summary>
    private static readonly (string Image, string Text)[] TesseractPages =
    [
        ("tesseract-testimages/phototest.tif", "tesseract-testimages/phototest.txt"),
        ("tesseract-testimages/eurotext.tif", "tesseract-testimages/eurotext.txt"),
        ("tesseract-testimages/8071_093.3B.tif", "tesseract-testimages/8071_093.3B.txt"),
        ("tesseract-testimages/8087_054.3B.tif", "tesseract-testimages/8087_054.3B.txt"),
    ];

    /// <summary>A hard variant: its name and how it is made from the clean page (letter index for varying parameters).</summary>
    private sealed record Variant(string Name, Func<byte[], int, (byte[] Image, string Extension)> Make);

    private static readonly Variant[] Variants =
    [
        new("skew ±3–4°", (page, i) => (PageDistortion.Skew(page, i % 2 == 0 ? -4 : 3.5), ".png")),
        new("speckle noise", (page, i) => (PageDistortion.Speckle(page, sigma: 20, speckFraction: 0.002, seed: i), ".png")),
        new("blur", (page, _) => (PageDistortion.Blur(page, radius: 2), ".png")),
        new("JPEG q10", (page, _) => (PageDistortion.Jpeg(page, quality: 10), ".jpg")),
        new("turned 90°", (page, _) => (PageDistortion.Turn(page, 1), ".png")),
        new("turned 180°", (page, _) => (PageDistortion.Turn(page, 2), ".png")),
        new("turned 270°", (page, _) => (PageDistortion.Turn(page, 3), ".png")),
        new("180° + skew 2° + noise + JPEG q30", (page, i) =>
            (PageDistortion.Jpeg(PageDistortion.Speckle(PageDistortion.Skew(PageDistortion.Turn(page, 2), 2), 20, 0.003, i), 30), ".jpg")),
    ];

    public static IReadOnlyList<AccuracyPage> Quick() =>
    [
        .. Receipts().Take(3),
        .. Clean().Where(p => p.Source is "04-bewerbung-gray.png" or "06-rechnung-bitonal.png"),
        Hard(0, "turned 180°"),
        Hard(1, "turned 270°"),
        Hard(0, "skew ±3–4°"),
        Hard(1, "180° + skew 2° + noise + JPEG q30"),
    ];

    public static IReadOnlyList<AccuracyPage> Full() =>
    [
        .. Receipts(),
        .. Clean(),
        .. Letters.SelectMany((_, i) => Variants.Select(v => Hard(i, v.Name))),
    ];

    private static IEnumerable<AccuracyPage> Receipts() =>
        Directory.EnumerateFiles(TestData.Path("sroie"), "*.jpg").Order(StringComparer.Ordinal).Select(image =>
            new AccuracyPage(AccuracyPage.Receipts, Path.GetFileName(image), "as scanned", File.ReadAllBytes(image), ".jpg",
                File.ReadAllText(Path.ChangeExtension(image, null) + ".gt.txt")));

    private static IEnumerable<AccuracyPage> Clean() =>
        Letters.Select(letter => new AccuracyPage(AccuracyPage.Clean, letter, "as scanned", LetterImage(letter),
                Path.GetExtension(letter), LetterText(letter)))
            .Concat(TesseractPages.Select(p => new AccuracyPage(AccuracyPage.Clean, Path.GetFileName(p.Image), "as scanned",
                TestData.Read(p.Image), Path.GetExtension(p.Image), File.ReadAllText(TestData.Path(p.Text)))));

    private static AccuracyPage Hard(int letterIndex, string variantName)
    {
        var letter = Letters[letterIndex];
        var variant = Variants.Single(v => v.Name == variantName);
        var (image, extension) = variant.Make(LetterImage(letter), letterIndex);
        return new AccuracyPage(AccuracyPage.Hard, letter, variant.Name, image, extension, LetterText(letter));
    }

    private static byte[] LetterImage(string file) => File.ReadAllBytes(Repository.Path(Path.Combine("samples", "scans", file)));

    private static string LetterText(string file) =>
        File.ReadAllText(Repository.Path(Path.Combine("samples", "scans", "groundtruth", file + ".txt")));
}
