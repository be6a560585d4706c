using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Objections against fines (Bußgeldbescheid, Anhörung) → 32 Ordnungsamt.</summary>
public sealed class BussgeldEinspruch : DocumentTemplate
{
    public override string Name => "Bußgeld-Einspruch";
    public override string DepartmentCode => "32";
    public override string DepartmentName => "Ordnungsamt";

    public override string[] OfficeNames =>
        ["Ordnungsamt", "Bußgeldstelle", "Ordnungsamt – Bußgeldstelle", "Zentrale Bußgeldstelle", "Fachbereich Ordnung – Verkehrsüberwachung", "Straßenverkehrsbehörde – Bußgeldstelle"];

    private sealed record Offence(string Text, decimal Fine, int Points);

    private static readonly Offence[] Offences =
    [
        new("Überschreitung der zulässigen Höchstgeschwindigkeit innerorts um {0} km/h", 0, 0),
        new("Parken im absoluten Halteverbot", 25m, 0),
        new("Parken auf einem Geh- und Radweg mit Behinderung", 70m, 1),
        new("Missachtung des Rotlichts der Lichtzeichenanlage", 90m, 1),
        new("Benutzung eines Mobiltelefons während der Fahrt", 100m, 1),
        new("Parken ohne gültigen Parkschein", 20m, 0),
        new("Parken auf einem Schwerbehindertenparkplatz", 55m, 0),
    ];

    public override Party CreateSender(Rng rng, CityHall city) => rng.Between(0, 19) switch
    {
        <= 12 => PartyFactory.PrivatePerson(rng, city, 0.7),
        <= 17 => PartyFactory.LawFirm(rng),
        _ => PartyFactory.Company(rng, "Logistik", ["Fuhrpark Service", "CityKurier", "Pflegedienst Sonnenschein"]),
    };

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var o = r.Pick(Offences);
        var kmh = r.Between(11, 35);
        var offence = string.Format(System.Globalization.CultureInfo.InvariantCulture, o.Text, kmh);
        var fine = o.Fine > 0 ? o.Fine : kmh switch { <= 15 => 70m, <= 20 => 115m, <= 25 => 180m, <= 30 => 260m, _ => 400m };
        var deed = c.DaysBefore(20, 70);
        var issued = deed.AddDays(r.Between(7, 20));
        var plate = Formats.Plate(r, r.Chance(0.7) ? c.City.PlateCode : c.Sender.Address.PlateCode);
        var az = r.Chance(0.6) ? $"{r.Digits(3)}.{r.Digits(6)}.{r.Digits(1)}" : c.Az("32");
        var lawyer = c.Sender.Kind == PartyKind.LawFirm;
        var fleet = c.Sender.Kind == PartyKind.Company;
        var client = lawyer ? PartyFactory.NewPerson(r) : null;
        var hearing = r.Chance(0.2);
        var paper = hearing ? r.Pick("Anhörungsbogen", "Anhörung im Bußgeldverfahren") : "Bußgeldbescheid";

        var content = new LetterContent
        {
            Subject = hearing
                ? r.Pick($"Ihr Anhörungsbogen vom {Formats.Numeric(issued)} – Stellungnahme und Einspruch", "Anhörung im Bußgeldverfahren – Einwendungen")
                : r.Pick($"Einspruch gegen den Bußgeldbescheid vom {Formats.Numeric(issued)}", $"Widerspruch gegen den Bußgeldbescheid vom {Formats.Numeric(issued)}", "Widerspruch gegen Bußgeld", "Einspruch gegen Bußgeldbescheid", $"Bußgeldverfahren gegen {(client ?? c.Sender.Signer).FullName} – Einspruch", "Einspruch"),
        };
        content.Ref(r.Pick("Aktenzeichen", "Az.", "Ihr Zeichen", "Geschäftszeichen"), az);
        if (r.Chance(0.5)) content.Ref("Kennzeichen", plate);
        if (r.Chance(0.3)) content.Ref("Kassenzeichen", Formats.Kassenzeichen(r, c.Year));

        var tatort = $"{c.City.Town}, {r.Pick(GermanData.Streets)}{r.Pick("", " / Ecke " + r.Pick(GermanData.Streets), " Höhe Hausnummer " + r.Between(2, 90))}";
        var tatzeit = $"{Formats.Numeric(deed)}, {r.Between(6, 22):00}:{r.Between(0, 59):00} Uhr";
        if (lawyer)
        {
            content.P($"in der Bußgeldsache gegen {client!.Addressed} zeigen wir die Vertretung an; eine Vollmacht liegt bei.");
            content.P(r.Pick(
                $"Gegen den Bußgeldbescheid vom {Formats.Numeric(issued)} legen wir namens und im Auftrag unse{(client.Female ? "rer Mandantin" : "res Mandanten")} Einspruch ein.",
                $"Namens unse{(client.Female ? "rer Mandantin" : "res Mandanten")} wird gegen den {paper} vom {Formats.Numeric(issued)} Einspruch eingelegt."));
            content.P(r.Pick(
                "Wir beantragen Akteneinsicht in die vollständige Bußgeldakte einschließlich Messprotokoll, Eichschein, Schulungsnachweis des Messbeamten und der digitalen Falldatei mit Rohmessdaten.",
                "Zunächst wird um Übersendung der Ermittlungsakte gebeten. Eine Einlassung zur Sache erfolgt nach Akteneinsicht.",
                "Unse" + (client.Female ? "re Mandantin" : "r Mandant") + " macht von ihrem bzw. seinem Schweigerecht Gebrauch. Die Fahrereigenschaft wird bestritten."));
        }
        else
        {
            content.P(r.Pick(
                $"gegen den {paper} vom {c.DateText(issued)} lege{c.I(" ich", "n wir")} hiermit Einspruch ein.",
                $"hiermit erhebe{c.I(" ich", "n wir")} Einspruch gegen den Bußgeldbescheid vom {c.DateText(issued)}, Aktenzeichen {az}.",
                $"{c.I("ich", "wir")} {c.I("habe", "haben")} Ihren {paper} vom {c.DateText(issued)} erhalten und {c.I("lege", "legen")} dagegen fristgerecht Einspruch ein."));
            content.P($"Vorgeworfen wird {c.I("mir", "uns")}: {offence}, am {tatzeit}, Tatort {tatort}, Fahrzeug {plate}. Festgesetzt wurde ein Bußgeld von {Formats.Euro(r, fine)}{(o.Points > 0 ? $" sowie {o.Points} Punkt im Fahreignungsregister" : "")}.");
            var why = fleet
                ? r.Pick($"Das Fahrzeug gehört zu unserem Fuhrpark und wurde an diesem Tag von wechselnden Mitarbeitenden genutzt. Ein Fahrtenbuch liegt vor; die verantwortliche Person teilen wir Ihnen nach Prüfung mit.",
                         "Unser Fahrzeug befand sich zum Tatzeitpunkt im Einsatz bei einem Pflegekunden; für solche Einsätze besteht eine Ausnahmegenehmigung, die wir beifügen.")
                : r.Pick(
                    "Ich war zur fraglichen Zeit nicht der Fahrer bzw. die Fahrerin des Fahrzeugs. Das Fahrzeug wird auch von anderen Familienmitgliedern genutzt.",
                    "Das Halteverbotsschild war durch einen Baum verdeckt und für mich nicht erkennbar. Fotos der Situation füge ich bei.",
                    "Das Halteverbot war mobil aufgestellt und zum Zeitpunkt meines Parkens noch nicht 72 Stunden vorher angekündigt.",
                    "Nach meiner Kenntnis war die Geschwindigkeitsmessanlage zu diesem Zeitpunkt nicht ordnungsgemäß geeicht.",
                    "Der Parkschein lag gut sichtbar hinter der Windschutzscheibe; er ist möglicherweise heruntergefallen. Eine Kopie des Parkscheins liegt bei.",
                    "Die Ampel zeigte beim Überfahren der Haltelinie noch Gelb.",
                    "Ich habe einen Widerspruch schon per E-Mail geschickt, möchte ihn hiermit aber auch schriftlich einlegen, damit die Frist gewahrt ist.",
                    "Ich hatte das Mobiltelefon nicht in der Hand, sondern es befand sich in der Halterung; telefoniert wurde über die Freisprecheinrichtung.");
            content.P(why);
            content.Maybe(r, 0.4, () => r.Pick(
                $"{c.I("Ich beantrage", "Wir beantragen")} Einsicht in das Messprotokoll und die Fotodokumentation.",
                "Ich bitte um Übersendung des Beweisfotos, da die Person auf dem Foto nicht zu erkennen ist.",
                $"Sollten Sie an dem Bescheid festhalten, bitte{c.I(" ich", "n wir")} um Abgabe an das Amtsgericht.",
                "Die Höhe des Bußgeldes ist angesichts meines geringen Einkommens unverhältnismäßig. Eine Verwarnung wäre ausreichend gewesen."));
            if (c.Long)
            {
                content.P($"Ergänzend weise{c.I(" ich", "n wir")} darauf hin, dass an der genannten Stelle seit Wochen eine Baustelle eingerichtet ist. Die Beschilderung wurde mehrfach geändert, zuletzt offenbar am Vortag. Anwohner haben sich bereits beim Ordnungsamt über die widersprüchlichen Verkehrszeichen beschwert.");
                content.P("Auch der Zeitpunkt der Messung passt nicht zu meinem Fahrtenbuch: Laut meinen Aufzeichnungen befand sich das Fahrzeug zu dieser Uhrzeit auf dem Firmenparkplatz. Ich bitte deshalb um Prüfung, ob eine Verwechslung des Kennzeichens vorliegt.");
            }
            content.P(r.Pick(
                $"{c.I("Ich bitte", "Wir bitten")}, das Verfahren einzustellen.",
                $"{c.I("Ich bitte", "Wir bitten")} um Rücknahme des Bescheids.",
                $"{c.I("Ich bitte", "Wir bitten")} um Eingangsbestätigung und Mitteilung des weiteren Verfahrens.",
                "Bitte prüfen Sie den Vorgang erneut."));
        }
        if (lawyer) content.Enclosures.Add("Vollmacht");
        if (!lawyer && r.Chance(0.35)) content.Enclosures.Add(r.Pick("Fotos der Beschilderung", "Kopie des Parkscheins", "Kopie des Bußgeldbescheids", "Ausnahmegenehmigung", "Kopie des Fahrtenbuchs"));
        return content;
    }
}
