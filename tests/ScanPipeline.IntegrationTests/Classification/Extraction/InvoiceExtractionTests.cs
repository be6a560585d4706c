using System.Globalization;
using System.Xml.Linq;
using ScanPipeline.Classification.Extraction;
using ScanPipeline.Core.Classification;
using ScanPipeline.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;
using Xunit;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Classification.Extraction;

/// <summary>
/// The extractor on real German e-invoices (../shared/data/invoices-de, ZUGFeRD / Factur-X): the PDF's text
/// layer, read with PdfPig as the pipeline reads it, against the ground truth in the embedded XML (IBANs,
/// invoice date and number, seller, e-mail addresses). PDFs that cannot be opened, have no text layer or no readable XML are left out
/// (the set holds some broken on purpose). Here rather than with the unit tests because reading the 120 PDFs
/// takes several seconds.
/// </summary>
public sealed class InvoiceExtractionTests(ITestOutputHelper output)
{
    // Floors a little below the measured figures (src/ScanPipeline.Classification/README.md, "Extraction").
    private const double MinIbanPrecision = 0.90;
    private const double MinIbanRecallOfPrinted = 0.95;
    private const double MinDateRecall = 0.85;
    private const double MinSellerPostcodeRate = 0.75;
    private const double MinEmailRecall = 0.95;
    private const double MinInvoiceNumberRecall = 0.70; // French "Facture FA-…" and "Avoir" make up most misses

    private sealed record Invoice(string File, string Text, IReadOnlyList<string> Ibans, IReadOnlyList<string> InvalidIbans, DateOnly? IssueDate,
        string? SellerName, string? SellerPostcode, string? Number, IReadOnlyList<string> Emails);

    private static readonly Lazy<IReadOnlyList<Invoice>> Invoices = new(Load);

    [Fact]
    public void IBANs_match_the_embedded_XML()
    {
        // Precision only on invoices whose XML names an account: a MINIMUM profile has no payment data, yet its
        // PDF may print the seller's IBAN. Recall of the IBANs that the XML names and the text prints.
        int found = 0, correct = 0, inXml = 0, printed = 0, printedFound = 0, withAccounts = 0;
        var notes = new List<string>();
        foreach (var invoice in Invoices.Value.Where(i => i.Ibans.Count > 0))
        {
            withAccounts++;
            var ibans = FieldExtractor.Extract(invoice.Text).Ibans;
            var compactText = Compact(invoice.Text);
            var truthPrinted = invoice.Ibans.Where(i => compactText.Contains(i, StringComparison.Ordinal)).ToList();

            found += ibans.Count;
            correct += ibans.Count(invoice.Ibans.Contains);
            inXml += invoice.Ibans.Count;
            printed += truthPrinted.Count;
            printedFound += truthPrinted.Count(ibans.Contains);
            notes.AddRange(ibans.Where(i => !invoice.Ibans.Contains(i)).Select(i => $"{invoice.File}: {i} printed, valid, not in the XML"));
            notes.AddRange(truthPrinted.Where(i => !ibans.Contains(i)).Select(i => $"{invoice.File}: {i} printed but not found"));
        }

        var precision = Ratio(correct, found);
        var recallOfPrinted = Ratio(printedFound, printed);
        output.WriteLine($"{Invoices.Value.Count} invoices with text and XML, {withAccounts} whose XML names valid IBANs: {inXml} IBANs, {printed} of them printed in the text");
        output.WriteLine($"IBAN precision {precision:P1} ({correct}/{found}); recall of printed {recallOfPrinted:P1} ({printedFound}/{printed}); recall of all XML IBANs {Ratio(printedFound, inXml):P1}");
        foreach (var line in notes) output.WriteLine("  " + line);

        Assert.True(found > 10, $"only {found} IBANs found: has the data changed?");
        Assert.True(precision >= MinIbanPrecision, $"IBAN precision {precision:P1} < {MinIbanPrecision:P0}");
        Assert.True(recallOfPrinted >= MinIbanRecallOfPrinted, $"IBAN recall {recallOfPrinted:P1} < {MinIbanRecallOfPrinted:P0}");
    }

    [Fact]
    public void IBANs_with_wrong_check_digits_are_not_returned()
    {
        // Sample invoices carry made-up IBANs; those whose check digits fail must not come back, printed or not.
        var invalid = Invoices.Value.SelectMany(i => i.InvalidIbans.Select(iban => (i, iban))).ToList();
        var printed = invalid.Where(x => Compact(x.i.Text).Contains(x.iban, StringComparison.Ordinal)).ToList();
        output.WriteLine($"XML IBANs with wrong check digits: {invalid.Count}, printed in the text: {printed.Count}");

        Assert.All(invalid, x => Assert.DoesNotContain(x.iban, FieldExtractor.Extract(x.i.Text).Ibans));
    }

    [Fact]
    public void The_invoice_date_is_among_the_dates_found()
    {
        var withDate = Invoices.Value.Where(i => i.IssueDate is not null).ToList();
        var misses = new List<string>();
        var hits = 0;
        var datesPerInvoice = 0;
        foreach (var invoice in withDate)
        {
            var dates = FieldExtractor.Extract(invoice.Text).Dates;
            datesPerInvoice += dates.Count;
            if (dates.Any(d => d.Date == invoice.IssueDate)) hits++;
            else misses.Add($"{invoice.File}: {invoice.IssueDate:yyyy-MM-dd} not in [{string.Join(", ", dates.Select(d => d.Text))}]");
        }

        var recall = Ratio(hits, withDate.Count);
        output.WriteLine($"Invoice date found in {hits} of {withDate.Count} invoices ({recall:P1}); {Ratio(datesPerInvoice, withDate.Count):F1} dates per invoice");
        foreach (var miss in misses) output.WriteLine("  " + miss);

        Assert.True(withDate.Count > 20, $"only {withDate.Count} invoices with a date: has the data changed?");
        Assert.True(recall >= MinDateRecall, $"invoice-date recall {recall:P1} < {MinDateRecall:P0}");
    }

    [Fact]
    public void The_sender_is_the_seller()
    {
        var withSeller = Invoices.Value.Where(i => i.SellerPostcode is not null).ToList();
        int found = 0, postcodeMatches = 0, nameMatches = 0;
        foreach (var invoice in withSeller)
        {
            var sender = FieldExtractor.Extract(invoice.Text).Sender;
            if (sender is null) continue;
            found++;
            if (sender.Postcode == invoice.SellerPostcode) postcodeMatches++;
            if (sender.Name is not null && invoice.SellerName is not null && sender.Name.Contains(invoice.SellerName, StringComparison.OrdinalIgnoreCase)) nameMatches++;
            else output.WriteLine($"  {invoice.File}: seller {invoice.SellerName} {invoice.SellerPostcode}, found {sender}");
        }

        var rate = Ratio(postcodeMatches, withSeller.Count);
        output.WriteLine($"Sender found in {found} of {withSeller.Count} invoices with a German seller postcode; seller postcode right in {postcodeMatches} ({rate:P1}), name in {nameMatches}");
        Assert.True(rate >= MinSellerPostcodeRate, $"seller postcode right in {rate:P1} < {MinSellerPostcodeRate:P0}");
    }

    [Fact]
    public void The_invoice_number_and_the_email_addresses_match_the_XML()
    {
        // Recall over the values the text prints; the XML has one invoice number and the parties' addresses.
        int numbersPrinted = 0, numbersFound = 0, emailsPrinted = 0, emailsFound = 0, emailsExtracted = 0, emailsInXml = 0;
        foreach (var invoice in Invoices.Value)
        {
            var fields = FieldExtractor.Extract(invoice.Text);
            if (invoice.Number is { } number && invoice.Text.Contains(number, StringComparison.Ordinal))
            {
                numbersPrinted++;
                if (fields.CashReferences.Any(c => c.Kind == CashReferenceKind.InvoiceNumber && c.Value == number)) numbersFound++;
                else output.WriteLine($"  {invoice.File}: invoice number {number} not in [{string.Join(", ", fields.CashReferences.Select(c => $"{c.Kind}:{c.Value}"))}]");
            }
            var printed = invoice.Emails.Where(e => invoice.Text.Contains(e, StringComparison.OrdinalIgnoreCase)).ToList();
            emailsPrinted += printed.Count;
            emailsFound += printed.Count(fields.Emails.Contains);
            emailsExtracted += fields.Emails.Count;
            emailsInXml += fields.Emails.Count(invoice.Emails.Contains);
        }

        var numberRecall = Ratio(numbersFound, numbersPrinted);
        var emailRecall = Ratio(emailsFound, emailsPrinted);
        output.WriteLine($"Invoice number: printed in {numbersPrinted} invoices, found as invoiceNumber in {numbersFound} ({numberRecall:P1})");
        output.WriteLine($"E-mail: {emailsPrinted} XML addresses printed, {emailsFound} found ({emailRecall:P1}); {emailsExtracted} found in all, {emailsInXml} of them in the XML");

        Assert.True(emailsPrinted > 10, $"only {emailsPrinted} e-mail addresses printed: has the data changed?");
        Assert.True(emailRecall >= MinEmailRecall, $"e-mail recall {emailRecall:P1} < {MinEmailRecall:P0}");
        Assert.True(numberRecall >= MinInvoiceNumberRecall, $"invoice-number recall {numberRecall:P1} < {MinInvoiceNumberRecall:P0}");
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static List<Invoice> Load()
    {
        var invoices = new List<Invoice>();
        foreach (var path in Directory.EnumerateFiles(TestData.Path("invoices-de"), "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Read(path) is { } invoice) invoices.Add(invoice with { File = Path.GetRelativePath(TestData.Path("invoices-de"), path) });
        }
        return invoices;
    }

    /// <summary>The text layer and the XML's ground truth, or null for a PDF that is broken, has no text or no XML.</summary>
    private static Invoice? Read(string path)
    {
        try
        {
            using var pdf = PdfDocument.Open(path);
            var text = string.Join('\f', pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
            if (text.Count(char.IsLetterOrDigit) < 100) return null;
            if (!pdf.Advanced.TryGetEmbeddedFiles(out var files)) return null;
            var xmlFile = files.FirstOrDefault(f => f.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
            if (xmlFile is null) return null;

            using var stream = new MemoryStream(xmlFile.Bytes.ToArray());
            var xml = XDocument.Load(stream);
            return new Invoice(path, text, XmlIbans(xml, valid: true), XmlIbans(xml, valid: false), XmlIssueDate(xml), SellerName(xml), SellerPostcode(xml),
                XmlNumber(xml), XmlEmails(xml));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // broken on purpose (or an XML that does not parse): not part of this measurement
        }
    }

    private static IEnumerable<XElement> Named(XContainer xml, string localName) => xml.Descendants().Where(e => e.Name.LocalName == localName);

    /// <summary>The invoice's IBANs (payee and, for direct debits, payer) whose check digits are (or are not) valid.</summary>
    private static List<string> XmlIbans(XDocument xml, bool valid) =>
        Named(xml, "IBANID").Select(e => new string(e.Value.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant())
            .Where(i => i.Length > 4 && Iban.IsValid(i) == valid).Distinct().ToList();

    private static string Compact(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>ExchangedDocument (2.x, Factur-X) or HeaderExchangedDocument (1.0) / IssueDateTime / DateTimeString, format 102.</summary>
    private static DateOnly? XmlIssueDate(XDocument xml)
    {
        var header = Named(xml, "ExchangedDocument").Concat(Named(xml, "HeaderExchangedDocument")).FirstOrDefault();
        var value = header is null ? null : Named(header, "IssueDateTime").SelectMany(e => Named(e, "DateTimeString")).FirstOrDefault()?.Value.Trim();
        return value is not null && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>The invoice number: ExchangedDocument (or HeaderExchangedDocument) / ID.</summary>
    private static string? XmlNumber(XDocument xml)
    {
        var header = Named(xml, "ExchangedDocument").Concat(Named(xml, "HeaderExchangedDocument")).FirstOrDefault();
        var id = header?.Elements().FirstOrDefault(e => e.Name.LocalName == "ID")?.Value.Trim();
        return string.IsNullOrEmpty(id) ? null : id;
    }

    /// <summary>Every e-mail address of the parties (URIID, CompleteNumber or similar elements holding an "@").</summary>
    private static List<string> XmlEmails(XDocument xml) =>
        Named(xml, "URIID").Select(e => e.Value.Trim().ToLowerInvariant()).Where(v => v.Contains('@') && !v.Contains(' ')).Distinct().ToList();

    private static XElement? Seller(XDocument xml) => Named(xml, "SellerTradeParty").FirstOrDefault();

    private static string? SellerName(XDocument xml) => Seller(xml) is { } seller ? seller.Elements().FirstOrDefault(e => e.Name.LocalName == "Name")?.Value.Trim() : null;

    /// <summary>The seller's postcode when the seller is in Germany (five digits).</summary>
    private static string? SellerPostcode(XDocument xml)
    {
        var address = Seller(xml) is { } seller ? Named(seller, "PostalTradeAddress").FirstOrDefault() : null;
        if (address is null) return null;
        var country = Named(address, "CountryID").FirstOrDefault()?.Value.Trim();
        var postcode = Named(address, "PostcodeCode").FirstOrDefault()?.Value.Trim();
        return country == "DE" && postcode is { Length: 5 } && postcode.All(char.IsAsciiDigit) ? postcode : null;
    }
}
