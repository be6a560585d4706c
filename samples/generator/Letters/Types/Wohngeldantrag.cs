using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Housing benefit applications (first, continued, increased), as form or letter → 50 Sozialamt.</summary>
public sealed class Wohngeldantrag : DocumentTemplate
{
    public override string Name => "Wohngeldantrag";
    public override string DepartmentCode => "50";
    public override string DepartmentName => "Sozialamt";

    public override string[] OfficeNames =>
        ["Sozialamt", "Wohngeldstelle", "Sozialamt – Wohngeld", "Amt für Soziales und Wohnen", "Fachbereich Soziales – Wohngeldbehörde", "Abteilung Wohngeld"];

    public override Party CreateSender(Rng rng, CityHall city) => rng.Between(0, 19) switch
    {
        <= 15 => PartyFactory.PrivatePerson(rng, city, 0.98),
        <= 18 => PartyFactory.Association(rng, city, "care"),
        _ => PartyFactory.Association(rng, city, "tenants"),
    };

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var kind = r.Pick("Erstantrag", "Erstantrag", "Weiterleistungsantrag", "Erhöhungsantrag");
        var lease = r.Chance(0.85);
        var applicant = c.Sender.IsPerson ? c.Sender.Signer : PartyFactory.NewPerson(r);
        var members = r.Between(1, 5);
        var rent = (decimal)r.Between(380, 1150) + r.Between(0, 99) / 100m;
        var heating = (decimal)r.Between(60, 190);
        var area = r.Between(38, 105);
        var form = r.Chance(0.5);
        var applicantBorn = new DateOnly(r.Between(1945, 2003), r.Between(1, 12), r.Between(1, 28));
        var az = c.Az("50");
        var previous = c.DaysBefore(200, 380);
        var content = new LetterContent
        {
            Subject = (lease ? "Mietzuschuss" : "Lastenzuschuss", kind) switch
            {
                (var z, "Weiterleistungsantrag") => r.Pick($"Weiterleistungsantrag Wohngeld ({z})", "Antrag auf Weiterleistung von Wohngeld", "Wohngeld – Weiterbewilligung ab " + Formats.Numeric(c.DaysAfter(10, 40))),
                (var z, "Erhöhungsantrag") => r.Pick("Antrag auf Erhöhung des Wohngeldes", $"Wohngeld: Änderung der Verhältnisse, Erhöhungsantrag ({z})"),
                (var z, _) => r.Pick($"Antrag auf Wohngeld ({z})", $"Antrag auf {z} nach dem Wohngeldgesetz", "Wohngeldantrag", "Formloser Antrag auf Wohngeld – Fristwahrung"),
            },
            FormStyle = form,
        };
        if (kind != "Erstantrag") content.Ref(r.Pick("Aktenzeichen", "Wohngeldnummer", "Az."), az);

        if (!c.Sender.IsPerson)
            content.P($"als {r.Pick("rechtliche Betreuerin bzw. rechtlicher Betreuer", "Beratungsstelle", "Bevollmächtigte")} von {applicant.Addressed} stellen wir für {(applicant.Female ? "sie" : "ihn")} einen Antrag auf Wohngeld. Die Bestellungsurkunde bzw. Vollmacht liegt bei.");
        else if (!form)
            content.P(kind switch
            {
                "Weiterleistungsantrag" => $"mein Wohngeld ist bis zum {Formats.Numeric(c.DaysAfter(15, 45))} bewilligt (Bescheid vom {c.DateText(previous)}). Hiermit beantrage ich die Weiterleistung für den anschließenden Bewilligungszeitraum.",
                "Erhöhungsantrag" => r.Pick(
                    $"seit dem {c.DateText(c.DaysBefore(10, 60))} hat sich mein Einkommen deutlich verringert. Deshalb beantrage ich eine Erhöhung des Wohngeldes.",
                    $"zum {c.DateText(c.DaysBefore(5, 30))} wurde meine Miete um {Formats.Euro(r, r.Between(30, 120))} erhöht. Ich beantrage daher die Neuberechnung und Erhöhung meines Wohngeldes."),
                _ => r.Pick(
                    $"hiermit beantrage ich {(lease ? "Mietzuschuss" : "Lastenzuschuss")} nach dem Wohngeldgesetz ab dem {c.DateText(new DateOnly(c.Year, c.Date.Month, 1))}.",
                    "zur Wahrung der Frist stelle ich hiermit formlos einen Antrag auf Wohngeld. Die vollständigen Formulare und Nachweise reiche ich nach.",
                    "nach einer Beratung beim Mieterverein habe ich erfahren, dass mir wahrscheinlich Wohngeld zusteht. Ich stelle deshalb hiermit einen Antrag."),
            });

        if (form || r.Chance(0.6))
        {
            content.Heading(form ? "A. Antragstellende Person" : "Angaben zur Person");
            content.Fields(
                "Name, Vorname".Is($"{applicant.LastName}, {applicant.FirstName}"),
                "Geburtsdatum".Is(Formats.Numeric(applicantBorn)),
                "Anschrift".Is($"{c.Sender.Address.Street}, {c.Sender.Address.TownLine}"),
                "Familienstand".Is(r.Pick("ledig", "verheiratet", "geschieden", "verwitwet", "getrennt lebend")),
                "Art des Antrags".Is(kind),
                "IBAN für die Auszahlung".Is(c.Sender.Iban));
            content.Heading(form ? "B. Haushaltsmitglieder" : "Haushalt");
            var rows = new List<IReadOnlyList<string>>();
            for (var i = 0; i < members; i++)
            {
                var child = i >= 2 || (i == 1 && r.Chance(0.4));
                var female = i == 0 ? applicant.Female : r.Chance(0.5);
                var name = i == 0 ? applicant.FullName : $"{r.Pick(female ? GermanData.FemaleFirstNames : GermanData.MaleFirstNames)} {applicant.LastName}";
                var born = i == 0 ? applicantBorn : child ? new DateOnly(r.Between(2008, 2024), r.Between(1, 12), r.Between(1, 28)) : new DateOnly(r.Between(1950, 2000), r.Between(1, 12), r.Between(1, 28));
                var income = child ? r.Pick("Kindergeld", "keins", "Unterhaltsvorschuss") : r.Pick("Rente", "Arbeitsentgelt", "Arbeitslosengeld I", "Minijob", "Krankengeld", "Elterngeld", "BAföG");
                var amount = child ? (income == "keins" ? "0,00" : Formats.Amount(r.Pick(new[] { 255m, 255m, 227m, 293m }))) : Formats.Amount(r.Between(520, 2300) + r.Between(0, 99) / 100m);
                rows.Add([(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), name, i == 0 ? "Antragsteller/in" : child ? (female ? "Tochter" : "Sohn") : female ? r.Pick("Ehefrau", "Lebenspartnerin", "Mutter") : r.Pick("Ehemann", "Lebenspartner", "Vater"), Formats.Numeric(born), income, amount]);
            }
            content.Body.Add(new TableBlock(["Nr.", "Name", "Verhältnis", "Geburtsdatum", "Einkommensart", "monatlich €"], rows, [true, false, false, false, false, true], []));
            content.Heading(form ? "C. Angaben zur Wohnung" : "Wohnung");
            content.Fields(
                (lease ? r.Pick("Bruttokaltmiete monatlich", "Miete (ohne Heizung)", "Kaltmiete inkl. Nebenkosten") : "Belastung (Zins, Tilgung, Bewirtschaftung)").Is(Formats.Euro(r, rent)),
                r.Pick("Heizkosten monatlich", "Heizung/Warmwasser", "Heizkostenvorauszahlung").Is(r.Sometimes(0.8, Formats.Euro(r, heating))),
                "Wohnfläche".Is($"{area} m²"),
                "Bezugsfertig seit".Is(r.Between(1955, 2019).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "Vermieter/in".Is(lease ? $"{r.Pick(GermanData.FemaleFirstNames.Concat(GermanData.MaleFirstNames).ToArray())} {r.Pick(GermanData.LastNames)}, {r.Pick(GermanData.Streets)} {PartyFactory.HouseNumber(r)}, {c.City.Town}" : "entfällt (Eigentum)"),
                "Einzugsdatum".Is(Formats.Numeric(c.DaysBefore(300, 6000))));
        }
        else
        {
            content.P($"In meinem Haushalt leben {(members == 1 ? "außer mir keine weiteren Personen" : $"insgesamt {members} Personen")}. Die Bruttokaltmiete beträgt {Formats.Euro(r, rent)} monatlich zuzüglich {Formats.Euro(r, heating)} Heizkosten; die Wohnung ist {area} m² groß.");
        }

        content.Maybe(r, 0.5, () => r.Pick(
            "Leistungen nach dem SGB II oder SGB XII beziehe ich nicht; ein entsprechender Antrag wurde nicht gestellt.",
            $"Mein letzter Bewilligungsbescheid vom {Formats.Numeric(previous)} ist beigefügt.",
            "Meine Tochter hat im Herbst eine Ausbildung begonnen; ihre Ausbildungsvergütung ist in der Aufstellung enthalten.",
            "Ich habe Vermögen unterhalb der Freibeträge (Sparkonto ca. 2.400 €).",
            "Der Vermieter hat die Mietbescheinigung ausgefüllt; sie liegt diesem Antrag bei.",
            "Bitte berücksichtigen Sie, dass ich schwerbehindert bin (GdB 60, Merkzeichen G)."));
        if (c.Long)
        {
            content.P("Zur Erläuterung meiner Einkommenssituation: Seit dem Frühjahr arbeite ich nur noch in Teilzeit, weil ich meine Mutter pflege. Das Pflegegeld wird direkt an sie gezahlt und ist bei mir kein Einkommen. Zusätzlich erhalte ich unregelmäßig Einkünfte aus einer geringfügigen Beschäftigung, deren Lohnabrechnungen der letzten sechs Monate beiliegen.");
            content.P("Die Nebenkostenabrechnung des letzten Jahres ergab eine Nachzahlung, die ich in Raten begleiche. Auch deshalb bin ich auf das Wohngeld dringend angewiesen.");
        }
        if (!form || r.Chance(0.4))
            content.P(r.Pick(
                "Fehlende Unterlagen reiche ich nach Aufforderung umgehend nach.",
                "Ich versichere, dass meine Angaben vollständig und richtig sind, und verpflichte mich, Änderungen sofort mitzuteilen.",
                "Bitte teilen Sie mir mit, ob noch weitere Nachweise benötigt werden.",
                "Über eine zügige Entscheidung über meinen Antrag wäre ich sehr dankbar."));
        content.Enclosures.AddRange(r.Sample(new[] { "Mietbescheinigung", "Mietvertrag (Kopie)", "Einkommensnachweise der letzten 3 Monate", "Rentenbescheid", "Kontoauszüge", "Kopie des Personalausweises", "Schwerbehindertenausweis (Kopie)", "Kindergeldnachweis" }, r.Between(1, 4)));
        if (!c.Sender.IsPerson) content.Enclosures.Add("Betreuerausweis / Vollmacht");
        return content;
    }
}
