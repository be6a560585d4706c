using System.Text.Json;
using ScanPipeline.Classification.Extraction;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Tests.Classification.Extraction;

/// <summary>Each pattern on the real-world formats German letters use, including the ones it must refuse.</summary>
public sealed class FieldExtractorTests
{
    // ---- IBAN -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]          // grouped
    [InlineData("IBAN: DE89370400440532013000", "DE89370400440532013000")]              // compact
    [InlineData("Konto DE 89 3704 0044 0532 0130 00 bei der Bank", "DE89370400440532013000")]
    [InlineData("Sparkasse · IBAN DE02 1203 0000 0000 2020 51 · BIC BYLADEM1001", "DE02120300000000202051")]
    [InlineData("IBAN: DE02120300000000202051, BIC BYLADEM1001", "DE02120300000000202051")]
    [InlineData("Landessparkasse zu Oldenburg - IBANDE31 2805 0100 7913 4513 60", "DE31280501007913451360")] // OCR lost the space
    [InlineData("IBAN AT61 1904 3002 3457 3201", "AT611904300234573201")]               // Austria, 20 characters
    [InlineData("IBAN CH93 0076 2011 6238 5295 7", "CH9300762011623852957")]            // Switzerland, 21
    [InlineData("IBAN GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819")]          // letters in the BBAN
    [InlineData("IBAN FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606")]
    public void Valid_IBANs_are_found_and_normalised(string text, string expected)
    {
        Assert.Equal([expected], FieldExtractor.Extract(text).Ibans);
    }

    [Theory]
    [InlineData("IBAN DE88 3704 0044 0532 0130 00")]   // wrong check digits
    [InlineData("IBAN DE89 3704 0044 0532 0130 01")]   // one digit changed
    [InlineData("IBAN DE89 37O4 0044 0532 0130 00")]   // OCR: letter O for zero, not corrected
    [InlineData("IBAN DE89 3704 0044 0532 0130 0")]    // one digit short
    [InlineData("IBAN DE89 3704 0044 0532 0130 001")]  // one digit too many: not cut into a valid IBAN
    [InlineData("USt-IdNr. DE117450092")]              // a VAT id is not an IBAN
    [InlineData("IBAN XX89 3704 0044 0532 0130 00")]   // no such country
    [InlineData("IBAN XDE89370400440532013000")]       // inside a longer word
    public void Invalid_IBANs_are_not_returned(string text)
    {
        Assert.Empty(FieldExtractor.Extract(text).Ibans);
    }

    [Fact]
    public void Two_IBANs_in_a_row_are_both_found_once_each()
    {
        var fields = FieldExtractor.Extract("Konten: DE89 3704 0044 0532 0130 00 DE02 1203 0000 0000 2020 51\nnochmals DE89370400440532013000");
        Assert.Equal(["DE89370400440532013000", "DE02120300000000202051"], fields.Ibans);
    }

    [Theory]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("DE89370400440532013001", false)]
    [InlineData("DE8937040044053201300", false)]   // German IBANs have 22 characters
    [InlineData("de89370400440532013000", false)]  // compact form is upper case
    [InlineData("NO9386011117947", true)]          // Norway, 15 characters
    public void Iban_check_follows_ISO_13616(string compact, bool valid)
    {
        Assert.Equal(valid, Iban.IsValid(compact));
    }

    // ---- dates ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Datum: 03.03.2026", "2026-03-03", "03.03.2026")]
    [InlineData("vom 3.3.26 an", "2026-03-03", "3.3.26")]
    [InlineData("Ulm, 3. März 2026", "2026-03-03", "3. März 2026")]
    [InlineData("Ulm, den 03. Mrz. 2026", "2026-03-03", "03. Mrz. 2026")]
    [InlineData("am 14. Sept. 2025", "2025-09-14", "14. Sept. 2025")]
    [InlineData("am 1. Dezember 2025", "2025-12-01", "1. Dezember 2025")]
    [InlineData("am 1.Jan. 2026", "2026-01-01", "1.Jan. 2026")]
    [InlineData("created 2026-03-03T10:00", "2026-03-03", "2026-03-03")]
    [InlineData("Date de facture 13/11/2017", "2017-11-13", "13/11/2017")]      // day first, as in the EU
    [InlineData("Geburtsdatum: 25.11.1995", "1995-11-25", "25.11.1995")]
    [InlineData("Geboren am 29.02.2024", "2024-02-29", "29.02.2024")]   // a leap day
    public void Dates_in_German_formats_are_read(string text, string iso, string asWritten)
    {
        var date = Assert.Single(FieldExtractor.Extract(text).Dates);
        Assert.Equal(DateOnly.ParseExact(iso, "yyyy-MM-dd"), date.Date);
        Assert.Equal(asWritten, date.Text);
    }

    [Theory]
    [InlineData("am 31.02.2026")]             // no 31st of February
    [InlineData("am 29.02.2025")]             // 2025 is no leap year
    [InlineData("am 12.13.2026")]             // no 13th month
    [InlineData("am 03.03.1850")]             // implausible year
    [InlineData("am 32. März 2026")]
    [InlineData("Kassenzeichen 5.2026.001234.7")]
    [InlineData("Betrag 1.234,56 €")]
    [InlineData("Az. 63-12/2026-0147")]       // no ISO date inside a file reference
    [InlineData("Az. 632-2026-123456")]
    [InlineData("Unser Zeichen: 123/26 AB")]            // a slash reference with a two-digit year
    [InlineData("Steuernummer: 201/113/40209")]
    [InlineData("am 12/31/2026")]                       // US month first: no 31st month
    public void Impossible_dates_and_look_alikes_are_not_dates(string text)
    {
        Assert.Empty(FieldExtractor.Extract(text).Dates);
    }

    [Fact]
    public void Dates_come_in_text_order_without_repeats()
    {
        var fields = FieldExtractor.Extract("Bescheid vom 3. März 2026, zugestellt am 05.03.2026; Bescheid vom 03.03.2026.");
        Assert.Equal(["3. März 2026", "05.03.2026"], fields.Dates.Select(d => d.Text));
    }

    // ---- file references (Aktenzeichen) -----------------------------------------------------------------

    [Theory]
    [InlineData("Aktenzeichen: 63-12/2026-0147", "63-12/2026-0147")]
    [InlineData("Ihr Aktenzeichen: III/32.1-4711", "III/32.1-4711")]
    [InlineData("Az.: 32.1-4711/2025", "32.1-4711/2025")]
    [InlineData("AZ: 50 12 34/2026", "50 12 34/2026")]
    [InlineData("Unser Zeichen: SU/cg", "SU/cg")]
    [InlineData("Ihr Zeichen: 66/BT-03426", "66/BT-03426")]
    [InlineData("Geschäftszeichen: 32/XS-27160", "32/XS-27160")]
    [InlineData("Gz. 20.1-33/2026", "20.1-33/2026")]
    [InlineData("Vorgangsnummer Online-Antrag: GEW-2026-123456", "GEW-2026-123456")]
    [InlineData("Aktenzeichen: 50.4 - 647/25", "50.4 - 647/25")]
    [InlineData("Aktenzeichen Bauantrag: 63-5/2026-0815", "63-5/2026-0815")]
    [InlineData("gegen den Bescheid vom 12.10.2025, Az. 63-12/2026-0147, lege ich Widerspruch ein.", "63-12/2026-0147")]
    [InlineData("Einspruch gegen den Bescheid, Aktenzeichen 181.137046.4.", "181.137046.4")]
    [InlineData("Nachlasssache: Lange, Az. 12 VI 345/26", "12 VI 345/26")]
    [InlineData("Aktenzeichen 66/BT-03426 lege ich hiermit Widerspruch ein", "66/BT-03426")]
    [InlineData("Aktenzeichen:\n\n63-12/2026-0147\nSehr geehrte Damen und Herren", "63-12/2026-0147")] // label alone on its line
    [InlineData("Aktenzeichen: 63-12/2026-0147        12 Anlagen", "63-12/2026-0147")]             // a column gap ends it
    public void File_references_are_read_after_their_labels(string text, string expected)
    {
        Assert.Equal([expected], FieldExtractor.Extract(text).FileReferences);
    }

    [Theory]
    [InlineData("Bitte teilen Sie mir das Aktenzeichen mit.")]          // the word without a value
    [InlineData("Ihr Zeichen: Schreiben vom 03.03.2026")]               // a date is not a file reference
    [InlineData("Aktenzeichen: 03.03.2026")]
    [InlineData("Az.: 0201 984-10")]                                    // a phone number
    [InlineData("Ihr Zeichen: 42103 Wuppertal")]                        // a postcode
    [InlineData("Aktenzeichen: DE89 3704 0044 0532 0130 00")]           // an IBAN
    [InlineData("Die Azubis kommen am Montag. 63-12/2026-0147")]       // "Az" inside a word; no label
    [InlineData("Das Verfahren 63-12/2026-0147 läuft.")]                // unlabelled numbers are not guessed
    [InlineData("Ihr Zeichen   Ihre Nachricht vom   Unser Zeichen\n")]   // a DIN 5008 header row: labels without values
    [InlineData("Bitte nennen Sie das Aktenzeichen\nund die Kassenzeichen der Bescheide.")]
    public void Non_references_are_not_file_references(string text)
    {
        Assert.Empty(FieldExtractor.Extract(text).FileReferences);
    }

    // ---- cash references --------------------------------------------------------------------------------

    [Theory]
    [InlineData("Kassenzeichen: 5.2026.001234.7", CashReferenceKind.PaymentReference, "5.2026.001234.7")]
    [InlineData("Kassenzeichen: 220 1234 5678", CashReferenceKind.PaymentReference, "220 1234 5678")]
    [InlineData("Kassenzeichen 12.3456.123456 bitte angeben", CashReferenceKind.PaymentReference, "12.3456.123456")]
    [InlineData("Kundennummer: 267651", CashReferenceKind.CustomerNumber, "267651")]
    [InlineData("Kunden-Nr.: 0012345", CashReferenceKind.CustomerNumber, "0012345")]
    [InlineData("Debitor: 55123", CashReferenceKind.CustomerNumber, "55123")]
    [InlineData("Rechnung Nr. R357341 – IT-Service", CashReferenceKind.InvoiceNumber, "R357341")]
    [InlineData("Rechnungsnummer: RE-2026-0042", CashReferenceKind.InvoiceNumber, "RE-2026-0042")]
    [InlineData("Handelsrechnung Nr. R18-31 vom 03.10.2018", CashReferenceKind.InvoiceNumber, "R18-31")]
    [InlineData("Rechnung # RE-20140519/499 vom 19.05.2014", CashReferenceKind.InvoiceNumber, "RE-20140519/499")]
    [InlineData("Belegnummer        90005178", CashReferenceKind.InvoiceNumber, "90005178")]
    [InlineData("Steuernummer: 201/113/40209", CashReferenceKind.TaxNumber, "201/113/40209")]
    [InlineData("Steuernummer Hundesteuer: 22.123.4567", CashReferenceKind.TaxNumber, "22.123.4567")]
    [InlineData("Kundennummer: 267651      Datum: 23.12.2025", CashReferenceKind.CustomerNumber, "267651")]
    [InlineData("Kassenzeichen\n220 1234 5678", CashReferenceKind.PaymentReference, "220 1234 5678")]
    public void Cash_references_are_read_with_their_kind(string text, CashReferenceKind kind, string value)
    {
        var fields = FieldExtractor.Extract(text);
        Assert.Equal([new CashReference(kind, value)], fields.CashReferences);
        Assert.Empty(fields.FileReferences);
    }

    [Theory]
    [InlineData("Bitte teilen Sie mir das Kassenzeichen mit, damit ich überweisen kann.")]
    [InlineData("Bitte geben Sie die Rechnungsnummer und Ihr Aktenzeichen an.")]
    [InlineData("Rechnungsdatum: 23.12.2025")]
    [InlineData("Bitte nennen Sie uns das Kassenzeichen\n12 Monate nach dem Bescheid.")] // a label ending prose
    public void Labels_without_a_value_give_no_cash_reference(string text)
    {
        Assert.Empty(FieldExtractor.Extract(text).CashReferences);
    }

    // ---- e-mail -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("E-Mail: T.Neumann52@Freenet.de", "t.neumann52@freenet.de")]
    [InlineData("Mail:info@kommunal-it.example.org.", "info@kommunal-it.example.org")]
    [InlineData("(buero+post@mieterverein-wuerzburg.de)", "buero+post@mieterverein-wuerzburg.de")]
    [InlineData("E-Mail: neumann.familie @arcor.de", "neumann.familie@arcor.de")]   // OCR: a space before the @
    public void Email_addresses_are_found_lower_cased(string text, string expected)
    {
        Assert.Equal([expected], FieldExtractor.Extract(text).Emails);
    }

    [Theory]
    [InlineData("Twitter @stadt_ulm")]
    [InlineData("a@b")]
    [InlineData("Preis 3 @ 4,00 €")]
    [InlineData("Stadt @ Rathaus")]
    public void Non_addresses_are_not_emails(string text)
    {
        Assert.Empty(FieldExtractor.Extract(text).Emails);
    }

    // ---- sender -----------------------------------------------------------------------------------------

    [Fact]
    public void Sender_from_an_address_block_above_the_recipient()
    {
        const string letter = """
            Tobias Neumann
            Am Krähenberg 40
            58097 Hagen
            Tel.: 02331 801390

            Stadt Hagen
            Büro des Oberbürgermeisters
            Rathausstraße 11
            58095 Hagen

            Hagen, den 09.10.2025
            """;

        Assert.Equal(new SenderAddress("Tobias Neumann", "Am Krähenberg 40", "58097", "Hagen"), FieldExtractor.Extract(letter).Sender);
    }

    [Fact]
    public void Sender_from_the_return_line_of_a_letterhead()
    {
        const string letter = """
            Kommunal IT UG (haftungsbeschränkt)
            IT-Service seit 1993

            Kommunal IT UG (haftungsbeschränkt) · Talstraße 46 · 45127 Essen

            Der Oberbürgermeister der Stadt Potsdam
            Fachbereich Finanzen
            Friedrich-Ebert-Straße 79/81
            14469 Potsdam
            """;

        Assert.Equal(new SenderAddress("Kommunal IT UG (haftungsbeschränkt)", "Talstraße 46", "45127", "Essen"), FieldExtractor.Extract(letter).Sender);
    }

    [Fact]
    public void Sender_name_is_the_organisation_rather_than_its_contact_person()
    {
        const string invoice = """
            Verkäufer:
            Verkehrsbetriebe GmbH
            Torti Mayer
            Musterstraße 3
            DE 12345 Berlin
            Telefon
            """;

        Assert.Equal(new SenderAddress("Verkehrsbetriebe GmbH", "Musterstraße 3", "12345", "Berlin"), FieldExtractor.Extract(invoice).Sender);
    }

    [Fact]
    public void Sender_after_the_recipient_when_the_recipient_comes_first()
    {
        // Recipient first (window envelope on the left), the sender's block on the right below it in OCR order.
        const string letter = """
            Stadtverwaltung Ulm
            Bürgerdienste
            Marktplatz 1
            89073 Ulm

            Jonas Roth
            Kastanienallee 39
            D-89075 Ulm

            Sehr geehrte Damen und Herren,
            """;

        Assert.Equal(new SenderAddress("Jonas Roth", "Kastanienallee 39", "89075", "Ulm"), FieldExtractor.Extract(letter).Sender);
    }

    [Fact]
    public void Sender_from_a_company_footer_when_the_head_has_only_the_recipient()
    {
        const string letter = """
            Stadt Würzburg
            Amt für Soziales und Wohnen
            Rückermainhof 2
            97070 Würzburg

            Sehr geehrte Damen und Herren,
            anbei die Rechnung.

            Müller Haustechnik GmbH · Sophie-Scholl-Platz 26c · 97070 Würzburg · Tel. 0931 12345
            """;

        Assert.Equal(new SenderAddress("Müller Haustechnik GmbH", "Sophie-Scholl-Platz 26c", "97070", "Würzburg"), FieldExtractor.Extract(letter).Sender);
    }

    [Fact]
    public void Sender_from_OCR_text_with_blank_lines_inside_blocks_and_specks()
    {
        // As Tesseract gives it for a scanned letter (samples/scans/13-bussgeldeinspruch-scan.pdf).
        const string ocr = """
            . Nina Meier

            Am Lindenhof 7 ,

            - 59065 Hamm
            Tel.: 0157 2445490

            Nina Meier - Am Lindenhof 7 : 59065 Hamm ~*

            Stadtverwaltung Oldenburg
            Ordnungsamt
            Markt 1

            26122 Oldenburg
            """;

        Assert.Equal(new SenderAddress("Nina Meier", "Am Lindenhof 7", "59065", "Hamm"), FieldExtractor.Extract(ocr).Sender);
    }

    [Fact]
    public void Sender_from_a_return_line_whose_dots_OCR_read_as_dashes()
    {
        const string ocr = """
            Catering Schmidt GmbH

            Catering Schmidt GmbH - Am Güterbahnhof 10 - 20095 Hamburg

            Stadtverwaltung Potsdam Rechnungsdatum: 06.04.2026
            Zentraler Rechnungseingang Unser Zeichen: WA/kk
            Postfach 69 45 56 Sachbearbeitung: Nina Meier
            14469 Potsdam Telefon: 040 3304-0
            """;

        Assert.Equal(new SenderAddress("Catering Schmidt GmbH", "Am Güterbahnhof 10", "20095", "Hamburg"), FieldExtractor.Extract(ocr).Sender);
    }

    [Theory]
    [InlineData("Landeshauptstadt München\nKreisverwaltungsreferat\nRuppertstraße 19\n80337 München")]
    [InlineData("Freie und Hansestadt Hamburg\nBezirksamt Altona\nPlatz der Republik 1\n22765 Hamburg")]
    [InlineData("Verbandsgemeinde Musterland\nBürgerbüro\nHauptstraße 1\n54321 Musterdorf")]
    [InlineData("Kreis Mettmann\nDer Landrat\nDüsseldorfer Straße 26\n40822 Mettmann")]
    public void Other_city_and_county_offices_are_recognised_as_the_recipient(string recipient)
    {
        Assert.Null(FieldExtractor.Extract(recipient + "\n\nSehr geehrte Damen und Herren,").Sender);
    }

    [Fact]
    public void No_sender_when_only_the_city_office_is_addressed()
    {
        const string letter = """
            Magistrat der Stadt Kassel
            Ordnungsamt
            Postfach 10 20 30
            34117 Kassel

            Sehr geehrte Damen und Herren,
            """;

        Assert.Null(FieldExtractor.Extract(letter).Sender);
    }

    // ---- the record and the limits ----------------------------------------------------------------------

    [Fact]
    public void Fields_serialise_in_camel_case_and_read_back()
    {
        var fields = FieldExtractor.Extract("""
            Jonas Roth · Kastanienallee 39 · 89075 Ulm
            Aktenzeichen: 63-12/2026-0147
            Kassenzeichen: 5.2026.001234.7
            Ulm, 3. März 2026
            IBAN DE89 3704 0044 0532 0130 00 · jonas.roth@example.org
            """);

        var json = JsonSerializer.Serialize(fields, DocumentFields.JsonOptions);

        Assert.Contains("\"fileReferences\":[\"63-12/2026-0147\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"cashReferences\":[{\"kind\":\"paymentReference\",\"value\":\"5.2026.001234.7\"}]", json, StringComparison.Ordinal);
        Assert.Contains("{\"date\":\"2026-03-03\",\"text\":\"3. M\\u00E4rz 2026\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"sender\":{\"name\":\"Jonas Roth\",\"street\":\"Kastanienallee 39\",\"postcode\":\"89075\",\"city\":\"Ulm\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"ibans\":[\"DE89370400440532013000\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"emails\":[\"jonas.roth@example.org\"]", json, StringComparison.Ordinal);

        var back = JsonSerializer.Deserialize<DocumentFields>(json, DocumentFields.JsonOptions)!;
        Assert.Equal(fields.FileReferences, back.FileReferences);
        Assert.Equal(fields.CashReferences, back.CashReferences);
        Assert.Equal(fields.Dates, back.Dates);
        Assert.Equal(fields.Sender, back.Sender);
        Assert.Equal(fields.Ibans, back.Ibans);
        Assert.Equal(fields.Emails, back.Emails);
    }

    [Fact]
    public void Windows_line_ends_no_break_spaces_tabs_and_soft_hyphens_do_not_matter()
    {
        var fields = FieldExtractor.Extract(
            "Jonas Roth\r\nKastanienallee\u00A039\r\n89075\tUlm\r\n\r\nStadt Ulm\r\nMarktplatz 1\r\n89073 Ulm\r\n" +
            "Akten\u00ADzeichen:\u202F63-12/2026-0147\r\nIBAN DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A000\r\nUlm, 3.\u00A0März\u00A02026");

        Assert.Equal(new SenderAddress("Jonas Roth", "Kastanienallee 39", "89075", "Ulm"), fields.Sender);
        Assert.Equal(["63-12/2026-0147"], fields.FileReferences);
        Assert.Equal(["DE89370400440532013000"], fields.Ibans);
        Assert.Equal([new DateOnly(2026, 3, 3)], fields.Dates.Select(d => d.Date));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\f ")]
    public void Empty_text_gives_empty_fields(string? text)
    {
        Assert.Same(DocumentFields.Empty, FieldExtractor.Extract(text));
    }

    [Fact]
    public void Only_the_first_100000_characters_are_read()
    {
        var padding = new string('x', FieldExtractor.MaxInputLength - 20);
        var fields = FieldExtractor.Extract(padding + "\nAm 03.03.2026\n" + new string(' ', 50) + "Am 04.03.2026 IBAN DE89370400440532013000");

        Assert.Equal(["03.03.2026"], fields.Dates.Select(d => d.Text));
        Assert.Empty(fields.Ibans);
    }

    [Fact]
    public void Each_field_keeps_at_most_its_first_200_values()
    {
        // 400 different valid dates and 400 different labelled references in junk text.
        var junk = string.Join("\n", Enumerable.Range(0, 400).Select(i =>
            $"{DateOnly.FromDayNumber(new DateOnly(2025, 1, 1).DayNumber + i):dd.MM.yyyy} Aktenzeichen: 63-{i}/2026-0147"));

        var fields = FieldExtractor.Extract(junk);

        Assert.Equal(FieldExtractor.MaxValuesPerField, fields.Dates.Count);
        Assert.Equal(new DateOnly(2025, 1, 1), fields.Dates[0].Date);
        Assert.Equal(FieldExtractor.MaxValuesPerField, fields.FileReferences.Count);
        Assert.Equal("63-0/2026-0147", fields.FileReferences[0]);
    }

    [Fact]
    public void Hostile_text_is_read_without_exceptions()
    {
        // Long runs that make backtracking patterns explode: digits and dots, IBAN-like groups, '@' chains,
        // labels with endless values. The patterns are non-backtracking and bounded, so this completes.
        var hostile = string.Concat(Enumerable.Repeat("11.11.11.11 DE12 3456 7890 Az. 1/1/1/1/1 a.a.a.a@", 2_500)) + new string('9', 50_000);

        var fields = FieldExtractor.Extract(hostile);

        Assert.Empty(fields.Ibans);
        Assert.Empty(fields.Emails);
        Assert.Equal([new FoundDate(new DateOnly(2011, 11, 11), "11.11.11")], fields.Dates); // once, though written 2,500 times
    }
}
