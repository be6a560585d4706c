using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Supplier invoices and reminders with line items → 20 Kämmerei.</summary>
public sealed class Rechnung : DocumentTemplate
{
    public override string Name => "Rechnung";
    public override string DepartmentCode => "20";
    public override string DepartmentName => "Kämmerei";

    public override string[] OfficeNames =>
        ["Kämmerei", "Finanzverwaltung – Kreditorenbuchhaltung", "Stadtkasse", "Rechnungseingang", "Fachbereich Finanzen", "Zentraler Rechnungseingang"];

    private sealed record Item(string Text, string Unit, decimal Price, int MinQty, int MaxQty, bool Fractional = false);

    private sealed record Trade(string Name, string[] Brands, string[] Objects, Item[] Items, decimal VatRate = 19m);

    private static readonly Trade[] Trades =
    [
        new("Bürobedarf", ["Bürowelt", "Papier & Co", "OfficeDirekt"], ["Bürgeramt, Rathaus", "Schulverwaltungsamt", "Stadtbibliothek"],
        [
            new("Kopierpapier A4, 80 g/m², Karton à 2.500 Blatt", "Karton", 21.90m, 5, 60),
            new("Tonerkartusche schwarz, Typ 59A", "Stück", 89.00m, 1, 12),
            new("Ordner A4, 80 mm, blau", "Stück", 2.35m, 20, 200),
            new("Kugelschreiber blau, 10er-Pack", "Pack", 4.90m, 2, 30),
            new("Haftnotizen 76 × 76 mm, 12 Blöcke", "Pack", 7.40m, 2, 20),
            new("Briefumschläge DIN lang mit Fenster, 1.000 Stück", "Karton", 24.80m, 1, 15),
            new("Aktenvernichter Sicherheitsstufe P-4", "Stück", 249.00m, 1, 2),
            new("Hängeregistratur, 25 Stück", "Pack", 15.60m, 1, 10),
        ]),
        new("Garten- und Landschaftsbau", ["GrünKonzept", "Gartenbau Lindenhof", "Stadtgrün Service"], ["Grünanlage Stadtpark", "Friedhof Nord", "Spielplatz Wiesenweg", "Außenanlage Kita Regenbogen"],
        [
            new("Rasenmähen inkl. Abfuhr des Schnittguts", "m²", 0.18m, 2000, 15000),
            new("Heckenschnitt, beidseitig", "lfd. m", 3.40m, 50, 600),
            new("Kronenpflege Straßenbaum, Hubsteiger", "Stück", 185.00m, 1, 14),
            new("Entsorgung Grünschnitt", "m³", 38.00m, 2, 40),
            new("Gärtnerstunde", "Std.", 52.00m, 4, 60),
            new("Neupflanzung Hochstamm Winterlinde, StU 18–20", "Stück", 420.00m, 1, 6),
            new("Wässern von Jungbäumen", "Gang", 24.50m, 4, 30),
        ]),
        new("IT-Service", ["NetSys", "DigitalWerk", "Kommunal IT"], ["Schulen der Stadt", "Rathaus, 3. OG", "Feuerwache 1"],
        [
            new("Notebook 14\", 16 GB RAM, 512 GB SSD", "Stück", 1049.00m, 1, 25),
            new("Monitor 24\", höhenverstellbar", "Stück", 169.00m, 1, 30),
            new("Dockingstation USB-C", "Stück", 189.00m, 1, 25),
            new("Installation und Einrichtung vor Ort", "Std.", 95.00m, 2, 40),
            new("Anfahrtspauschale", "psch.", 45.00m, 1, 4),
            new("Softwarewartung Fachverfahren, Quartal", "Quartal", 1280.00m, 1, 1),
            new("Netzwerkswitch 24 Port, managed", "Stück", 412.00m, 1, 4),
        ]),
        new("Gebäudereinigung", ["Blitzblank", "CleanTeam", "Hygiene Service"], ["Kita Sonnenschein", "Grundschule am Park", "Bürgerhaus", "Rathaus"],
        [
            new("Unterhaltsreinigung laut Leistungsverzeichnis, Monat", "Monat", 1850.00m, 1, 3),
            new("Glasreinigung innen und außen", "m²", 2.10m, 200, 1400),
            new("Grundreinigung Linoleumböden", "m²", 3.60m, 100, 900),
            new("Sonderreinigung nach Veranstaltung", "Std.", 34.50m, 3, 20),
            new("Hygieneartikel (Seife, Papierhandtücher)", "psch.", 212.40m, 1, 2),
        ]),
        new("Elektrotechnik", ["Elektro Blitz", "Licht & Strom", "E-Technik"], ["Turnhalle West", "Feuerwache 2", "Stadtbücherei", "Rathaus Sitzungssaal"],
        [
            new("Prüfung ortsveränderlicher Geräte nach DGUV V3", "Stück", 4.50m, 40, 400),
            new("LED-Panel 62 × 62, Lieferung und Montage", "Stück", 118.00m, 4, 60),
            new("Monteurstunde", "Std.", 64.00m, 2, 40),
            new("Helferstunde", "Std.", 48.00m, 2, 30),
            new("Kleinmaterial", "psch.", 86.30m, 1, 1),
            new("Fehlerstromschutzschalter 40 A, eingebaut", "Stück", 96.00m, 1, 8),
        ]),
        new("Druckerei", ["Druckhaus", "Satz & Druck", "Offsetdruck"], ["Presseamt", "Wahlamt", "Kulturamt"],
        [
            new("Briefbögen, 4/0-farbig, 90 g/m²", "Tsd.", 68.00m, 2, 20),
            new("Faltblatt DIN lang, 6 Seiten", "Tsd.", 142.00m, 1, 15),
            new("Wahlbenachrichtigungen, personalisiert", "Tsd.", 96.00m, 10, 120),
            new("Plakate DIN A1, 4/0", "Stück", 3.80m, 50, 400),
            new("Satz und Gestaltung", "Std.", 72.00m, 1, 12),
        ]),
        new("Straßen- und Tiefbau", ["Tiefbau", "Bau und Asphalt", "Pflasterbau"], ["Gehweg Bahnhofstraße", "Parkplatz Friedhof", "Radweg am Kanal"],
        [
            new("Asphalt-Kaltmischgut, eingebaut", "t", 198.00m, 1, 12, true),
            new("Betonpflaster 20 × 10 × 8, verlegt", "m²", 46.50m, 20, 300),
            new("Bordstein Hochbord, gesetzt", "lfd. m", 38.90m, 10, 150),
            new("Baggerstunde mit Fahrer", "Std.", 89.00m, 2, 30),
            new("Verkehrssicherung, Tag", "Tag", 115.00m, 1, 10),
            new("Entsorgung Bauschutt", "t", 27.50m, 2, 40, true),
        ]),
        new("Catering", ["Tafelrunde", "Genuss & Service", "Partyservice"], ["Ratssitzung", "Neujahrsempfang", "Ehrenamtstag"],
        [
            new("Belegte Brötchen, gemischt", "Stück", 2.90m, 20, 200),
            new("Kaffee, Tee, Kaltgetränke pro Person", "Pers.", 6.50m, 20, 250),
            new("Servicekraft", "Std.", 32.00m, 4, 30),
            new("Fingerfood-Buffet pro Person", "Pers.", 18.90m, 20, 150),
        ], 7m),
    ];

    public override Party CreateSender(Rng rng, CityHall city)
    {
        var trade = rng.Pick(Trades);
        return PartyFactory.Company(rng, trade.Name, trade.Brands);
    }

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var trade = Trades.FirstOrDefault(t => c.Sender.Name.Contains(t.Name, StringComparison.Ordinal) || t.Brands.Any(b => c.Sender.Name.Contains(b, StringComparison.Ordinal))) ?? r.Pick(Trades);
        var number = r.Between(0, 3) switch
        {
            0 => $"RE-{c.Year}-{r.Digits(4)}",
            1 => $"{c.Year % 100:00}{r.Digits(5)}",
            2 => $"R{r.Digits(6)}",
            _ => $"{r.Digits(4)}/{c.Year}",
        };
        var reminder = r.Chance(0.12);
        var partial = !reminder && r.Chance(0.1);
        var subject = reminder
            ? r.Pick($"Zahlungserinnerung zur Rechnung Nr. {number}", $"1. Mahnung – Rechnung {number}", $"Erinnerung: offene Rechnung {number}")
            : partial ? $"{r.Between(1, 4)}. Abschlagsrechnung Nr. {number}" : r.Pick($"Rechnung Nr. {number}", $"Rechnung {number}", "RECHNUNG", $"Rechnung Nr. {number} – {trade.Name}");
        var content = new LetterContent { Subject = subject, FormStyle = r.Chance(0.5) };
        var invoiceDate = reminder ? c.DaysBefore(30, 60) : c.Date;
        var order = r.Chance(0.6) ? $"{r.Pick("Bestellung", "Auftrag", "Ihre Bestellung", "Auftragsschreiben")} vom {Formats.Numeric(c.DaysBefore(20, 90))}" : null;
        var objectName = r.Pick(trade.Objects);

        if (!subject.Contains(number, StringComparison.Ordinal)) content.Ref("Rechnungsnummer", number);
        if (reminder || r.Chance(0.5)) content.Ref("Rechnungsdatum", Formats.Numeric(invoiceDate));
        if (r.Chance(0.6)) content.Ref(r.Pick("Kundennummer", "Kunden-Nr.", "Debitor"), r.Digits(r.Between(5, 7)));
        if (order is not null && r.Chance(0.5)) content.Ref(r.Pick("Ihr Zeichen", "Bestellnummer", "Ihre Bestell-Nr."), r.Chance(0.5) ? c.Az(r.Pick("20", "65", "40", "51", "67", "10")) : $"BE-{c.Year}-{r.Digits(5)}");

        if (!content.FormStyle || reminder)
            content.P(reminder
                ? r.Pick($"sicherlich haben Sie übersehen, dass unsere Rechnung Nr. {number} vom {Formats.Numeric(invoiceDate)} noch offen ist.",
                         $"bei der Durchsicht unserer Konten haben wir festgestellt, dass die Rechnung {number} vom {Formats.Numeric(invoiceDate)} trotz Fälligkeit noch nicht beglichen wurde.")
                : r.Pick($"für die {(order is null ? "" : $"gemäß Ihrer {order} ")}erbrachten Leistungen erlauben wir uns, Ihnen folgende Beträge in Rechnung zu stellen:",
                         $"vielen Dank für Ihren Auftrag. Wir berechnen Ihnen{(order is null ? "" : $" gemäß {order}")}:",
                         "wir bedanken uns für die gute Zusammenarbeit und stellen Ihnen folgende Leistungen in Rechnung:"));
        else if (order is not null && r.Chance(0.6))
            content.P($"{order}, Objekt: {objectName}");

        var fields = new List<Field>();
        if (r.Chance(0.5)) fields.Add(r.Pick("Leistungsort", "Objekt", "Lieferanschrift", "Baustelle").Is($"{objectName}, {c.City.Town}"));
        if (r.Chance(0.6))
        {
            var from = c.DaysBefore(20, 60);
            fields.Add(r.Chance(0.5) ? "Leistungszeitraum".Is($"{Formats.Numeric(from)} – {Formats.Numeric(from.AddDays(r.Between(3, 28)))}") : "Liefer-/Leistungsdatum".Is(Formats.Numeric(from)));
        }
        if (r.Chance(0.3)) fields.Add("Lieferschein".Is($"LS {r.Digits(6)}"));
        if (fields.Count > 0) content.Fields(fields);

        decimal net, vat, gross;
        if (!c.Long && r.Chance(0.15))
        {
            // A short flat-rate invoice in running text, without a line-item table.
            var item = r.Pick(trade.Items);
            net = Math.Round(item.Price * r.Between(Math.Max(1, item.MinQty), Math.Max(1, Math.Min(item.MaxQty, item.MinQty * 4))), 2);
            vat = Math.Round(net * trade.VatRate / 100m, 2);
            gross = net + vat;
            content.P(r.Pick(
                $"Für {item.Text} ({objectName}) berechnen wir pauschal {Formats.Amount(net)} € netto zuzüglich {Formats.Amount(vat)} € Mehrwertsteuer ({trade.VatRate:0} %), insgesamt {Formats.Amount(gross)} €.",
                $"Leistung: {item.Text}, Objekt {objectName}. Pauschalpreis {Formats.Euro(r, gross)} inkl. {trade.VatRate:0} % MwSt. (netto {Formats.Amount(net)} €)."));
        }
        else
        {
            var count = c.Long ? r.Between(16, 24) : r.Between(2, Math.Min(7, trade.Items.Length));
            var rows = new List<IReadOnlyList<string>>();
            net = 0m;
            for (var i = 0; i < count; i++)
            {
                var item = trade.Items[i % trade.Items.Length];
                decimal qty = r.Between(item.MinQty, item.MaxQty);
                if (item.Fractional) qty += r.Between(0, 9) / 10m;
                var price = i >= trade.Items.Length ? Math.Round(item.Price * (decimal)r.Between(0.9, 1.1), 2) : item.Price;
                var total = Math.Round(qty * price, 2);
                net += total;
                var text = i >= trade.Items.Length ? $"{item.Text} ({r.Pick("Nachtrag", "2. Bauabschnitt", "Folgelieferung", "Los " + r.Between(2, 6))})" : item.Text;
                rows.Add([(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text, item.Fractional ? Formats.Amount(qty).TrimEnd('0').TrimEnd(',') : Formats.Number((int)qty), item.Unit, Formats.Amount(price), Formats.Amount(total)]);
            }
            vat = Math.Round(net * trade.VatRate / 100m, 2);
            gross = net + vat;
            var currency = r.Pick("€", "EUR");
            content.Body.Add(new TableBlock(
                ["Pos.", "Bezeichnung", "Menge", "Einheit", $"Einzelpreis {currency}", $"Gesamt {currency}"],
                rows,
                [true, false, true, false, true, true],
                [
                    "Nettobetrag".Is(Formats.Amount(net) + " " + currency),
                    $"zzgl. {trade.VatRate:0} % USt.".Is(Formats.Amount(vat) + " " + currency),
                    (reminder ? "Offener Betrag" : r.Pick("Rechnungsbetrag", "Gesamtbetrag", "Bruttobetrag", "Zu zahlen")).Is(Formats.Amount(gross) + " " + currency),
                ]));
        }

        var due = invoiceDate.AddDays(r.Pick(new[] { 14, 30, 30, 21 }));
        content.P(reminder
            ? r.Pick($"Bitte überweisen Sie den offenen Betrag von {Formats.Euro(r, gross)} bis spätestens {Formats.Numeric(c.DaysAfter(7, 14))} auf das unten genannte Konto. Sollten Sie die Zahlung inzwischen veranlasst haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.",
                     $"Wir bitten um Ausgleich innerhalb von 10 Tagen. Nach Ablauf dieser Frist müssen wir Verzugszinsen gemäß § 288 BGB berechnen.")
            : r.Pick($"Zahlbar innerhalb von {(due.DayNumber - invoiceDate.DayNumber)} Tagen ohne Abzug bis zum {Formats.Numeric(due)}.",
                     $"Bitte überweisen Sie den Rechnungsbetrag unter Angabe der Rechnungsnummer bis zum {Formats.Numeric(due)} auf unser Konto IBAN {c.Sender.Iban}.",
                     $"Zahlungsziel: {Formats.Numeric(due)}. Bei Zahlung innerhalb von 10 Tagen gewähren wir 2 % Skonto.",
                     $"Der Betrag ist sofort fällig. Bankverbindung: {c.Sender.Bank.Name}, IBAN {c.Sender.Iban}, BIC {c.Sender.Bank.Bic}."));
        content.Maybe(r, 0.3, () => r.Pick(
            "Bitte geben Sie bei Zahlung unbedingt die Rechnungsnummer und Ihr Aktenzeichen an.",
            $"Steuernummer: {Formats.TaxNumber(r)}",
            "Leistungsdatum entspricht dem Rechnungsdatum, sofern nicht anders angegeben.",
            "Die Rechnung wurde zusätzlich als XRechnung über das Portal übermittelt.",
            "Es gelten unsere Allgemeinen Geschäftsbedingungen.",
            $"Als Verwendungszweck geben Sie bitte {number} an."));
        if (!content.FormStyle) content.P(r.Pick("Vielen Dank für Ihren Auftrag.", "Wir danken für Ihr Vertrauen.", "Für Rückfragen zur Rechnung stehen wir gern zur Verfügung."));
        if (r.Chance(0.25)) content.Enclosures.Add(r.Pick("Leistungsnachweis", "Stundenzettel", "Lieferschein", "Aufmaß"));
        if (c.Long && r.Chance(0.5))
        {
            content.Appendix.Add(new TextBlock(BlockKind.Heading, [$"Leistungsnachweis zur Rechnung {number}"]));
            content.Appendix.Add(new FieldsBlock(Enumerable.Range(0, r.Between(6, 10)).Select(i =>
                Formats.Numeric(c.DaysBefore(20, 60).AddDays(i)).Is($"{r.Between(2, 8)} Std., {r.Pick("Mitarbeiter", "Kolonne", "Monteur")} {r.Pick(GermanData.LastNames)}, {objectName}")).ToList()));
        }
        return content;
    }
}
