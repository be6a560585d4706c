using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Trade registrations (§ 14 GewO) as form or letter → 32 Ordnungsamt.</summary>
public sealed class Gewerbeanmeldung : DocumentTemplate
{
    public override string Name => "Gewerbeanmeldung";
    public override string DepartmentCode => "32";
    public override string DepartmentName => "Ordnungsamt";

    public override string[] OfficeNames =>
        ["Ordnungsamt", "Ordnungsamt – Gewerbeangelegenheiten", "Gewerbeamt", "Gewerbemeldestelle", "Fachbereich Sicherheit und Ordnung – Gewerbe", "Bürger- und Ordnungsamt"];

    private static readonly string[] Activities =
    [
        "Online-Handel mit Bekleidung und Accessoires", "Hausmeisterservice und Gartenpflege", "Gebäudereinigung (ohne meisterpflichtige Tätigkeiten)",
        "Betrieb eines Imbisses mit Ausschank alkoholfreier Getränke", "Vermittlung von Versicherungen (§ 34d GewO)", "Kurierdienst mit Kleintransportern bis 3,5 t",
        "Handel mit gebrauchten Kraftfahrzeugen", "IT-Dienstleistungen und Softwareentwicklung", "Friseursalon", "Kosmetikstudio und Nagelpflege",
        "Einzelhandel mit Lebensmitteln und Getränken (Kiosk)", "Veranstaltungstechnik und Vermietung von Zelten", "Fahrradreparatur und -verkauf",
        "Betrieb eines Cafés mit Ausschank alkoholischer Getränke", "Fotografie und Bildbearbeitung", "Umzugsdienstleistungen und Entrümpelung",
    ];

    public override Party CreateSender(Rng rng, CityHall city) => rng.Between(0, 9) switch
    {
        <= 6 => PartyFactory.PrivatePerson(rng, city, 0.85),
        _ => PartyFactory.Company(rng, rng.Pick("Handel", "Service", "Gastronomie", "Consulting"), ["Neustart", "Stadtwerk Service", "Kiezladen"]),
    };

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var activity = r.Pick(Activities);
        var start = c.DaysAfter(-10, 45);
        var kind = r.Pick("Neuerrichtung", "Neuerrichtung", "Neuerrichtung", "Übernahme", "Zuzug aus einem anderen Meldebezirk", "Gründung nach Umwandlung");
        var legal = c.Sender.IsPerson ? r.Pick("Einzelunternehmen", "Einzelunternehmen", "Einzelunternehmen", "GbR", "UG (haftungsbeschränkt)") : r.Pick("GmbH", "GmbH & Co. KG", "UG (haftungsbeschränkt)");
        var site = $"{r.Pick(GermanData.Streets.Concat(GermanData.BusinessStreets).ToArray())} {PartyFactory.HouseNumber(r)}, {r.Pick(c.City.ResidentPostcodes)} {c.City.Town}";
        var form = r.Chance(0.55);
        var person = c.Sender.Signer;
        var content = new LetterContent
        {
            Subject = form
                ? r.Pick("Gewerbe-Anmeldung nach § 14 GewO", "Gewerbeanmeldung (GewA 1)", "Anmeldung eines Gewerbes")
                : r.Pick("Anmeldung eines Gewerbes", $"Gewerbeanmeldung zum {Formats.Numeric(start)}", "Anmeldung meines Gewerbebetriebs", $"Gewerbeanmeldung – {activity}"),
            FormStyle = form,
        };
        if (r.Chance(0.2)) content.Ref("Vorgangsnummer Online-Antrag", $"GEW-{c.Year}-{r.Digits(6)}");

        if (form)
        {
            content.Fields(
                "1 Im Handelsregister eingetragener Name".Is(c.Sender.IsPerson ? (legal == "Einzelunternehmen" ? "entfällt" : $"{person.LastName} {r.Pick("Service", "Handel", "Consulting")} {legal}") : c.Sender.Name),
                "2 Ort und Nr. des Registereintrags".Is(legal == "Einzelunternehmen" ? "" : $"Amtsgericht {c.City.Town}, HRB {r.Between(1000, 99999)}"),
                "3 Name".Is(person.LastName),
                "4 Vornamen".Is(person.FirstName),
                "6 Geburtsdatum".Is(Formats.Numeric(new DateOnly(r.Between(1960, 2004), r.Between(1, 12), r.Between(1, 28)))),
                "7 Geburtsort".Is(r.Pick(GermanData.Places).Town),
                "8 Staatsangehörigkeit".Is(r.Pick("deutsch", "deutsch", "deutsch", "türkisch", "polnisch", "italienisch", "rumänisch", "syrisch")),
                "9 Anschrift der Wohnung".Is($"{c.Sender.Address.Street}, {c.Sender.Address.TownLine}"),
                "10 Zahl der geschäftsführenden Gesellschafter".Is(legal == "Einzelunternehmen" ? "" : r.Between(1, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "12 Telefon / E-Mail".Is(string.Join(" / ", new[] { c.Sender.Phone, c.Sender.Email }.Where(x => x is not null))),
                "13 Rechtsform".Is(legal),
                "14 Betriebsstätte".Is(site),
                "15 Angemeldete Tätigkeit".Is(activity),
                "16 Beginn der Tätigkeit".Is(Formats.Numeric(start)),
                "17 Art des angemeldeten Betriebes".Is(r.Pick("Industrie", "Handwerk", "Handel", "Sonstiges")),
                "18 Zahl der Beschäftigten".Is($"Vollzeit: {r.Between(0, 6)}, Teilzeit: {r.Between(0, 4)}"),
                "19 Die Anmeldung wird erstattet für".Is(r.Pick("eine Hauptniederlassung", "eine Zweigniederlassung", "eine unselbständige Zweigstelle")),
                "20 Grund der Anmeldung".Is(kind),
                "21 Erlaubnis / Handwerkskarte".Is(activity.Contains("§ 34d", StringComparison.Ordinal) ? $"Erlaubnis nach § 34d GewO, IHK, Reg.-Nr. D-{r.Letters(4)}-{r.Digits(5)}-{r.Digits(2)}" : activity.Contains("alkoholischer", StringComparison.Ordinal) ? "Gaststättenerlaubnis beantragt" : "nicht erforderlich"));
            content.Maybe(r, 0.5, () => "Ich versichere die Richtigkeit der Angaben. Mir ist bekannt, dass die Anmeldung keine Genehmigung darstellt.");
        }
        else
        {
            content.P(r.Pick(
                $"hiermit melde{c.I(" ich", "n wir")} zum {c.DateText(start)} folgendes Gewerbe an: {activity}.",
                $"{c.I("ich", "wir")} {c.I("möchte", "möchten")} zum {c.DateText(start)} ein Gewerbe anmelden. Es handelt sich um {activity} ({legal}).",
                $"mit diesem Schreiben zeige{c.I(" ich", "n wir")} Ihnen gemäß § 14 Gewerbeordnung den Beginn {c.I("meiner", "unserer")} selbständigen Tätigkeit an."));
            content.Fields(
                r.Pick("Tätigkeit", "Gegenstand des Gewerbes", "Art der Tätigkeit").Is(activity),
                r.Pick("Betriebsstätte", "Anschrift des Betriebs", "Geschäftsräume").Is(site),
                r.Pick("Rechtsform", "Gesellschaftsform", "Unternehmensform").Is(r.Sometimes(0.7, legal)),
                r.Pick("Beginn", "ab", "Start").Is(Formats.Numeric(start)),
                r.Pick("Grund", "Anlass").Is(r.Sometimes(0.6, kind)),
                r.Pick("Beschäftigte", "Mitarbeitende").Is(r.Chance(0.6) ? "keine" : r.Between(1, 8).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            content.Maybe(r, 0.45, () => r.Pick(
                $"Die Tätigkeit übe ich zunächst nebenberuflich aus; hauptberuflich bin ich bei {r.Pick(GermanData.LastNames)} GmbH angestellt.",
                $"Das Gewerbe übernehme{c.I(" ich", "n wir")} von {r.Pick(GermanData.MaleFirstNames)} {r.Pick(GermanData.LastNames)}, der den Betrieb zum {Formats.Numeric(start.AddDays(-1))} abgemeldet hat.",
                "Für den Ausschank alkoholischer Getränke stelle ich parallel einen Antrag auf Gaststättenerlaubnis.",
                "Bitte leiten Sie die Anmeldung wie üblich an das Finanzamt, die IHK und die Berufsgenossenschaft weiter.",
                $"Bis zum {Formats.Numeric(start.AddDays(-1))} war der Betrieb in {r.Pick(GermanData.Places).Town} gemeldet; eine Kopie der Abmeldung liegt bei."));
            content.P(r.Pick(
                $"Bitte stellen Sie {c.I("mir", "uns")} die Empfangsbescheinigung (Gewerbeschein) aus und teilen Sie {c.I("mir", "uns")} die Gebühr mit.",
                $"Die Verwaltungsgebühr von {Formats.Euro(r, r.Pick(new[] { 20m, 26m, 31m, 35m, 40m }))} überweise{c.I(" ich", "n wir")} nach Erhalt Ihres Gebührenbescheids.",
                $"Für Rückfragen zu {c.I("meinem Antrag stehe ich", "unserem Antrag stehen wir")} gern zur Verfügung."));
            Phrases.AddCourtesy(c, content);
        }
        if (r.Chance(0.5)) content.Enclosures.Add(r.Pick("Kopie des Personalausweises", "Handelsregisterauszug", "Gesellschaftsvertrag", "Erlaubnisurkunde", "Aufenthaltstitel"));
        return content;
    }
}
