using ScanPipeline.Classification.Extraction;
using Xunit;

namespace ScanPipeline.Tests.Classification.Extraction;

public sealed class SubjectReaderTests
{
    [Fact]
    public void A_betreff_label_wins()
    {
        const string text = "Max Muster\nHauptstr. 1\n\n12.03.2026\n\nIrgendeine Zeile\nBetreff: Widerspruch gegen den Bescheid vom 1. März\n\nSehr geehrte Damen und Herren,";
        Assert.Equal("Widerspruch gegen den Bescheid vom 1. März", SubjectReader.Read(text));
    }

    [Theory]
    [InlineData("Stadt Wuppertal\n\n08.09.2025\n\nAntrag auf Ausnahmegenehmigung – Baumschutzsatzung\n\nName: X", "Antrag auf Ausnahmegenehmigung – Baumschutzsatzung")]
    [InlineData("Absender\n\nWuppertal, den 3. März 2026\nEinspruch gegen Bußgeldbescheid\nSehr geehrte Damen und Herren", "Einspruch gegen Bußgeldbescheid")]
    [InlineData("Absender\nAnmeldung meines Hundes\n\nGuten Tag,\nich melde", "Anmeldung meines Hundes")]
    public void Without_a_label_the_line_after_the_date_or_before_the_salutation_is_taken(string text, string expected) =>
        Assert.Equal(expected, SubjectReader.Read(text));

    [Theory]
    [InlineData("")]
    [InlineData("nur eine Zeile ohne alles")]
    public void No_subject_is_null(string text) => Assert.Null(SubjectReader.Read(text));

    [Fact]
    public void A_very_long_line_is_shortened() =>
        Assert.Equal(160, SubjectReader.Read("Betreff: " + new string('x', 400))!.Length);

    [Fact]
    public void Every_held_out_letter_has_a_subject()
    {
        var letters = Directory.EnumerateFiles(ScanPipeline.Tests.Infrastructure.Repository.Path("samples/training/test"), "*.txt", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(letters);
        var missing = letters.Where(f => SubjectReader.Read(File.ReadAllText(f)) is null).ToList();
        Assert.True(missing.Count <= letters.Count / 20, $"{missing.Count} of {letters.Count} letters without a subject, e.g. {missing.FirstOrDefault()}");
    }
}
