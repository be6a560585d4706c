using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScanPipeline.Classification.Extraction;
using ScanPipeline.Core.Classification;
using ScanPipeline.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ScanPipeline.Tests.Classification.Extraction;

/// <summary>
/// The extractor on every held-out synthetic letter (samples/training/test). The expectations come from the
/// letters' own labels ("IBAN", "Aktenzeichen", "Az.") read with simple patterns here, not from the extractor.
/// </summary>
public sealed partial class SampleLetterExtractionTests(ITestOutputHelper output)
{
    /// <summary>Measured: every letter has a date (300 of 300); the floor leaves room for a format change.</summary>
    private const double MinDateRate = 0.98;

    /// <summary>Measured: 300 of 300 letters with a sender. Best effort, so the floor is lower.</summary>
    private const double MinSenderRate = 0.90;

    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> Letters = new(() =>
        Directory.EnumerateFiles(Repository.Path("samples/training/test"), "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)))
            .ToList());

    [Fact]
    public void Every_IBAN_in_the_letters_is_found_and_valid()
    {
        int labelled = 0, printed = 0, found = 0;
        foreach (var (path, text) in Letters.Value)
        {
            var ibans = FieldExtractor.Extract(text).Ibans;
            Assert.All(ibans, iban => Assert.True(HasValidCheckDigits(iban), $"{path}: {iban} is not valid"));

            // Each IBAN label with an IBAN after it, and each German IBAN printed with or without a label
            // ("von meinem Konto DE52 ..."), must be one of the IBANs found.
            var afterLabels = IbanLabel().Matches(text).Select(m => Compact(m.Groups["rest"].Value)).ToList();
            foreach (var rest in afterLabels)
                Assert.True(ibans.Any(rest.StartsWith), $"{path}: no IBAN found after the label in \"{rest}\"");
            var germanIbans = GermanIbanShape().Matches(text).Select(m => Compact(m.Value)).Distinct().ToList();
            Assert.Equal(germanIbans, ibans);

            labelled += afterLabels.Count;
            printed += germanIbans.Count;
            found += ibans.Count;
        }
        output.WriteLine($"IBAN: {Letters.Value.Count} letters, {labelled} IBAN labels with a value, {printed} distinct IBANs per letter printed, {found} found, all valid");
        Assert.True(labelled > 50, $"only {labelled} IBAN labels in the corpus: has it changed?");
    }

    [Fact]
    public void Nearly_every_letter_has_a_date()
    {
        var withDate = Letters.Value.Count(l => FieldExtractor.Extract(l.Text).Dates.Count > 0);
        var rate = (double)withDate / Letters.Value.Count;

        output.WriteLine($"Dates: {withDate} of {Letters.Value.Count} letters ({rate:P1})");
        Assert.True(rate >= MinDateRate, $"date found in {rate:P1} of the letters, expected at least {MinDateRate:P0}");
    }

    [Fact]
    public void The_Aktenzeichen_is_found_where_the_letter_has_an_Aktenzeichen_label()
    {
        int labelled = 0, found = 0;
        var misses = new List<string>();
        foreach (var (path, text) in Letters.Value)
        {
            var references = FieldExtractor.Extract(text).FileReferences;
            foreach (Match m in AktenzeichenLabel().Matches(text))
            {
                labelled++;
                var written = m.Groups["value"].Value.TrimEnd('.', ',');
                if (references.Any(r => r == written || r.StartsWith(written + " ", StringComparison.Ordinal))) found++;
                else misses.Add($"{Path.GetFileName(path)}: \"{m.Value}\" -> [{string.Join(", ", references)}]");
            }
            Assert.All(references, r => Assert.Contains(r, text, StringComparison.Ordinal));
        }

        output.WriteLine($"Aktenzeichen: {found} of {labelled} labelled values found");
        foreach (var miss in misses) output.WriteLine("  missed " + miss);
        Assert.True(labelled > 50, $"only {labelled} Aktenzeichen labels in the corpus: has it changed?");
        Assert.Empty(misses);
    }

    [Fact]
    public void The_sender_is_found_and_is_not_the_city_office()
    {
        var withSender = 0;
        foreach (var (path, text) in Letters.Value)
        {
            var sender = FieldExtractor.Extract(text).Sender;
            if (sender is null) continue;
            withSender++;
            Assert.False(RecipientName().IsMatch(sender.Name ?? ""), $"{path}: the recipient \"{sender.Name}\" was taken for the sender");
            Assert.Contains($"{sender.Postcode} {sender.City}", text, StringComparison.Ordinal);
        }
        var rate = (double)withSender / Letters.Value.Count;

        output.WriteLine($"Sender: {withSender} of {Letters.Value.Count} letters ({rate:P1})");
        Assert.True(rate >= MinSenderRate, $"sender found in {rate:P1} of the letters, expected at least {MinSenderRate:P0}");
    }

    [Fact]
    public void The_sender_is_the_one_in_the_return_line_where_the_letter_has_one()
    {
        // The generator writes "Name · Street · Postcode Town" above the recipient for every company and some persons.
        int withReturnLine = 0, same = 0;
        var misses = new List<string>();
        foreach (var (path, text) in Letters.Value)
        {
            var line = ReturnLine().Match(text);
            if (!line.Success) continue;
            withReturnLine++;
            var expected = new SenderAddress(line.Groups["name"].Value, line.Groups["street"].Value, line.Groups["postcode"].Value, line.Groups["town"].Value);
            var sender = FieldExtractor.Extract(text).Sender;
            // A person's block above the return line may name two people ("Tobias Neumann und Hannah Neumann").
            if (sender == expected || (sender is not null && sender.Name!.StartsWith(expected.Name!, StringComparison.Ordinal) && sender with { Name = expected.Name } == expected)) same++;
            else misses.Add($"{Path.GetFileName(path)}: expected {expected}, found {sender}");
        }

        output.WriteLine($"Sender = return line in {same} of {withReturnLine} letters with one");
        foreach (var miss in misses) output.WriteLine("  " + miss);
        Assert.True(withReturnLine > 100, $"only {withReturnLine} return lines in the corpus: has it changed?");
        Assert.Empty(misses);
    }

    [Fact]
    public void Extraction_on_many_threads_gives_the_same_fields_as_on_one()
    {
        static string Json(string text) => JsonSerializer.Serialize(FieldExtractor.Extract(text), DocumentFields.JsonOptions);
        var sequential = Letters.Value.Select(l => Json(l.Text)).ToList();

        var parallel = new string[Letters.Value.Count];
        Parallel.For(0, Letters.Value.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i % parallel.Length] = Json(Letters.Value[i % parallel.Length].Text));

        Assert.Equal(sequential, parallel);
    }

    /// <summary>ISO 13616 with a big integer: independent of the extractor's own digit-by-digit check.</summary>
    private static bool HasValidCheckDigits(string iban)
    {
        var rearranged = iban[4..] + iban[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiLetter(c) ? (c - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString()));
        return iban.StartsWith("DE", StringComparison.Ordinal) == (iban.Length == 22) && BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1;
    }

    private static string Compact(string s) => s.Replace(" ", "", StringComparison.Ordinal);

    // "IBAN DE30 5139 ...", "IBAN für die Auszahlung: DE18 ...", "IBAN: DE...": the label, then the IBAN's country code and digits.
    [GeneratedRegex(@"\bIBAN\b[^\n]*?(?<rest>\b[A-Z]{2}[0-9]{2} ?[0-9]{4}[^\n]*)")]
    private static partial Regex IbanLabel();

    // A German IBAN as the letters print it: DE, check digits, 18 digits, grouped by four or compact.
    [GeneratedRegex(@"\bDE[0-9]{2}(?: ?[0-9]{4}){4} ?[0-9]{2}\b")]
    private static partial Regex GermanIbanShape();

    // "Aktenzeichen: 63-12/2026-0147", "Ihr Aktenzeichen: ...", "Aktenzeichen Bauantrag: ...", "Az. ...": a value that starts with a digit or a Roman numeral.
    [GeneratedRegex(@"\b(?:Aktenzeichen|Az\.)(?: [A-Z][a-z]+)?:? (?<value>(?:[0-9]|[IVX]+/)[^ \n,]*)")]
    private static partial Regex AktenzeichenLabel();

    [GeneratedRegex(@"^(?<name>[^·\n]+) · (?<street>[^·\n]+) · (?<postcode>[0-9]{5}) (?<town>[^·\n]+)$", RegexOptions.Multiline)]
    private static partial Regex ReturnLine();

    [GeneratedRegex(@"^(?:Stadt |Stadtverwaltung|Der Oberbürgermeister|Magistrat)")]
    private static partial Regex RecipientName();
}
