using ScanPipeline.Classification.Text;
using Xunit;

namespace ScanPipeline.Tests.Classification;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Lower_cases_and_collapses_whitespace()
    {
        Assert.Equal("sehr geehrte damen und herren,", TextNormalizer.Normalize("  Sehr   geehrte\tDamen\r\n\r\nund HERREN, \n"));
    }

    [Fact]
    public void Composes_decomposed_umlauts_to_nfc()
    {
        var decomposed = "Bu\u00DFgeld-Einspruch fu\u0308r Mu\u0308ller"; // ü as u + combining diaeresis
        var normalized = TextNormalizer.Normalize(decomposed);
        Assert.Equal("bußgeld-einspruch für müller", normalized);
        Assert.True(normalized.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void Maps_every_digit_to_the_placeholder()
    {
        Assert.Equal("az. 00-00/0000-0000 vom 00.00.0000, 0.000,00 €",
            TextNormalizer.Normalize("Az. 63-12/2026-0147 vom 03.03.2026, 1.234,56 €"));
    }

    [Fact]
    public void Drops_ocr_junk_but_keeps_meaningful_punctuation()
    {
        Assert.Equal("bauantrag § 00 (bauo nrw)", TextNormalizer.Normalize("■ Bauantrag | ¦ \uFFFD § 63 ~ (BauO NRW) \u0007 ^^"));
    }

    [Fact]
    public void Removes_format_characters_inside_words()
    {
        Assert.Equal("bauantrag", TextNormalizer.Normalize("Bau\u00ADan\u200Btrag"));
    }

    [Fact]
    public void Joins_words_hyphenated_across_a_line_break_only_before_lower_case()
    {
        Assert.Equal("der bauantrag wurde gestellt", TextNormalizer.Normalize("Der Bau-\n  antrag wurde gestellt"));
        Assert.Equal("kita- und schul- anmeldung", TextNormalizer.Normalize("Kita-\nund Schul-\r\nAnmeldung"));
    }

    [Fact]
    public void Empty_and_wordless_text()
    {
        Assert.Equal("", TextNormalizer.Normalize(null));
        Assert.Equal("", TextNormalizer.Normalize(" \n\t "));
        Assert.True(TextNormalizer.HasNoWords(TextNormalizer.Normalize("||| ~~ 12.03. --- ■■")));
        Assert.False(TextNormalizer.HasNoWords(TextNormalizer.Normalize("12 Äpfel")));
    }

    [Fact]
    public void Reads_only_the_start_of_huge_input()
    {
        var huge = string.Concat(Enumerable.Repeat("antrag ", TextNormalizer.MaxInputLength));
        Assert.True(TextNormalizer.Normalize(huge).Length <= TextNormalizer.MaxInputLength);
    }

    [Fact]
    public void Is_idempotent()
    {
        const string text = "Sehr geehrte Frau Özdemir,\nIhr Antrag vom 3. März 2026 (Az. III/32.1-4711) — siehe Anlage •";
        var once = TextNormalizer.Normalize(text);
        Assert.Equal(once, TextNormalizer.Normalize(once));
    }
}
