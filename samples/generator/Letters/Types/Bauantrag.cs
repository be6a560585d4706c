using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Building permit applications and follow-up documents → 63 Bauordnungsamt.</summary>
public sealed class Bauantrag : DocumentTemplate
{
    public override string Name => "Bauantrag";
    public override string DepartmentCode => "63";
    public override string DepartmentName => "Bauordnungsamt";

    public override string[] OfficeNames =>
        ["Bauordnungsamt", "Untere Bauaufsichtsbehörde", "Bauaufsicht", "Fachbereich Bauen und Wohnen – Bauaufsicht", "Amt für Bauordnung und Denkmalschutz", "Bauordnungsamt – Baugenehmigungen"];

    private static readonly string[] Projects =
    [
        "Neubau eines Einfamilienhauses mit Garage", "Errichtung eines Carports", "Anbau eines Wintergartens", "Errichtung einer Dachgaube",
        "Nutzungsänderung eines Ladenlokals in eine Arztpraxis", "Neubau eines Mehrfamilienhauses mit 6 Wohneinheiten und Tiefgarage",
        "Aufstockung eines Wohnhauses um ein Staffelgeschoss", "Errichtung einer Doppelgarage", "Umbau einer Scheune zu Wohnzwecken",
        "Neubau eines Doppelhauses", "Errichtung einer Photovoltaik-Freiflächenanlage", "Errichtung einer Lagerhalle",
    ];

    public override Party CreateSender(Rng rng, CityHall city) => rng.Between(0, 19) switch
    {
        <= 8 => PartyFactory.PrivatePerson(rng, city, 0.85),
        <= 15 => PartyFactory.Architect(rng, city),
        _ => PartyFactory.Company(rng, "Bau", ["Wohnbau Projekt", "Bauträger Nordstadt", "Massivhaus Plus"]),
    };

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var project = r.Pick(Projects);
        var site = $"{r.Pick(GermanData.Streets)} {PartyFactory.HouseNumber(r)}, {r.Pick(c.City.ResidentPostcodes)} {c.City.Town}";
        var parcel = Formats.Flurstueck(r, r.Chance(0.5) ? c.City.Gemarkung : r.Pick(c.City.Districts));
        var owner = c.Sender.IsPerson ? c.Sender.Signer : PartyFactory.NewPerson(r);
        var planner = c.Sender.Kind == PartyKind.Architect;
        var followUp = r.Chance(0.25);
        var bplan = r.Chance(0.6) ? $"Bebauungsplan Nr. {r.Between(1, 350)}{(r.Chance(0.3) ? r.Pick("a", "b") : "")} „{r.Pick("Am Mühlenbach", "Nördlich der Bahnhofstraße", "Gewerbegebiet Ost", "Wohnpark " + r.Pick(c.City.Districts), "Ortskern")}“" : null;
        var form = !followUp && r.Chance(0.4);
        var az = c.Az("63");
        var content = new LetterContent
        {
            Subject = followUp
                ? r.Pick($"Nachreichung von Bauvorlagen zum Bauantrag {project}", "Bauantrag – fehlende Unterlagen", $"Ihr Schreiben vom {Formats.Numeric(c.DaysBefore(10, 40))} – Nachforderung von Unterlagen")
                : form ? r.Pick("Antrag auf Baugenehmigung", "Bauantrag im vereinfachten Genehmigungsverfahren", "Bauantrag") : r.Pick($"Bauantrag: {project}", $"Antrag auf Baugenehmigung – {project}", $"Bauvorhaben {site}", "Einreichung eines Bauantrags"),
            FormStyle = form,
        };
        if (followUp) content.Ref(r.Pick("Aktenzeichen", "Az.", "Ihr Zeichen"), az);
        if (!followUp && r.Chance(0.3)) content.SubjectLines.Add($"Grundstück: {site}");

        if (form)
        {
            content.Heading("1. Bauherrschaft");
            content.Fields("Name".Is(c.Sender.IsPerson ? owner.FullName : c.Sender.Name), "Anschrift".Is($"{c.Sender.Address.Street}, {c.Sender.Address.TownLine}"), "Telefon".Is(c.Sender.Phone ?? ""));
            content.Heading("2. Baugrundstück");
            content.Fields("Lage".Is(site), "Katasterangaben".Is(parcel), "Bebauungsplan".Is(bplan ?? "nicht vorhanden (§ 34 BauGB)"), "Grundstücksgröße".Is($"{Formats.Number(r.Between(320, 4200))} m²"));
            content.Heading("3. Vorhaben");
            content.Fields("Bezeichnung".Is(project), "Verfahren".Is(r.Pick("vereinfachtes Genehmigungsverfahren", "Genehmigungsverfahren", "Genehmigungsfreistellung")), "Gebäudeklasse".Is(r.Between(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "Brutto-Grundfläche".Is($"{(Small(project) ? r.Between(12, 60) : r.Between(90, 900))} m²"), "Geschätzte Baukosten".Is(Formats.Euro(r, (Small(project) ? r.Between(8, 65) : r.Between(180, 2400)) * 1000m)));
            content.Heading("4. Entwurfsverfasser/in");
            var architect = planner ? c.Sender.Signer : PartyFactory.NewPerson(r, 0.2);
            content.Fields("Name".Is($"{architect.FullName}, {(architect.Female ? "Architektin" : "Architekt")}"), "Kammer-Nr.".Is($"{r.Letters(2)}-{r.Digits(5)}"));
            content.Heading("5. Beigefügte Bauvorlagen");
            content.Fields(Documents(r).Select(d => "".Is("[X] " + d)));
        }
        else if (followUp)
        {
            content.P(r.Pick(
                $"mit Schreiben vom {c.DateText(c.DaysBefore(10, 40))} haben Sie zu {c.I("meinem", "unserem")} Bauantrag ({project}) weitere Unterlagen angefordert. Diese reiche{c.I(" ich", "n wir")} hiermit fristgerecht nach.",
                $"zum Bauvorhaben {site} übersende{c.I(" ich", "n wir")} die noch fehlenden Bauvorlagen."));
            content.Fields(Documents(r).Take(r.Between(1, 3)).Select((d, i) => $"{i + 1}.".Is(d)));
            content.Maybe(r, 0.5, () => $"Die Stellungnahme der Nachbarn ({r.Pick(GermanData.LastNames)}, {r.Pick(GermanData.Streets)}) mit Unterschrift auf den Plänen liegt ebenfalls bei.");
        }
        else
        {
            content.P(planner
                ? r.Pick($"im Auftrag {(owner.Female ? "unserer Bauherrin" : "unseres Bauherrn")} {owner.FullName} reichen wir den Bauantrag für das Vorhaben „{project}“ auf dem Grundstück {site} ein.",
                         $"namens und im Auftrag der Bauherrschaft {owner.FullName} stellen wir hiermit den Antrag auf Baugenehmigung für folgendes Vorhaben: {project}.")
                : r.Pick($"hiermit beantrage{c.I(" ich", "n wir")} die Baugenehmigung für das Vorhaben „{project}“ auf dem Grundstück {site}.",
                         $"{c.I("ich", "wir")} {c.I("beabsichtige", "beabsichtigen")} auf {c.I("meinem", "unserem")} Grundstück {site} folgendes Bauvorhaben: {project}. Den Bauantrag mit allen Bauvorlagen reiche{c.I(" ich", "n wir")} hiermit in dreifacher Ausfertigung ein."));
            content.Fields("Grundstück".Is(site), "Flurstück".Is(parcel), "Planungsrecht".Is(bplan ?? "Innenbereich, § 34 BauGB"));
            content.Maybe(r, 0.45, () => r.Pick(
                $"Zugleich beantrage{c.I(" ich", "n wir")} eine Befreiung nach § 31 Abs. 2 BauGB von der festgesetzten Baugrenze um {r.Between(1, 3)},{r.Between(0, 9)} m.",
                "Für das Vorhaben muss eine Birke auf dem Grundstück gefällt werden; der Antrag auf Fällgenehmigung nach der Baumschutzsatzung wird parallel beim Umweltamt gestellt.",
                "Die Abstandsflächen werden vollständig auf dem eigenen Grundstück nachgewiesen.",
                "Die erforderlichen Stellplätze werden in der Garage und auf der Zufahrt nachgewiesen.",
                "Eine Bauvoranfrage zu diesem Vorhaben wurde bereits positiv beschieden.",
                "Auf dem Grundstück steht eine Linde (Stammumfang ca. 150 cm, Standort an der nördlichen Grenze), die erhalten bleibt und während der Bauzeit geschützt wird.",
                "Gegen den Vorbescheid hatte ein Nachbar Widerspruch eingelegt; dieser wurde inzwischen zurückgenommen.",
                $"Die Kosten der Tragwerksplanung betragen laut Angebot {Formats.Amount(r.Between(1800, 9000))} € zzgl. 19 % USt."));
            content.Maybe(r, 0.35, () => $"Die Baugebühren bitte{c.I(" ich", "n wir")} an {(planner ? "die Bauherrschaft" : "mich")} zu richten. Für Rückfragen zum Entwurf steht {(planner ? c.Sender.Signer.FullName : "das beauftragte Planungsbüro")} zur Verfügung.");
        }
        if (c.Long)
        {
            content.Appendix.Add(new TextBlock(BlockKind.Heading, ["Baubeschreibung"]));
            content.Appendix.Add(new TextBlock(BlockKind.Paragraph, [$"Vorhaben: {project}, {site}. {parcel}."]));
            content.Appendix.Add(new FieldsBlock([
                "Gründung".Is(r.Pick("Streifenfundamente aus Stahlbeton", "Bodenplatte aus WU-Beton, d = 25 cm", "Einzelfundamente")),
                "Außenwände".Is(r.Pick("Kalksandstein 17,5 cm mit WDVS 16 cm", "Porenbeton 36,5 cm", "Holzständerbauweise, gedämmt")),
                "Dach".Is(r.Pick("Satteldach, 38° Neigung, Betondachsteine anthrazit", "Flachdach, extensiv begrünt", "Pultdach, 10°, Trapezblech")),
                "Heizung".Is(r.Pick("Luft-Wasser-Wärmepumpe", "Fernwärme", "Gasbrennwerttherme mit Solarthermie")),
                "Entwässerung".Is("Anschluss an den öffentlichen Mischwasserkanal"),
                "Stellplätze".Is(r.Between(1, 8).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]));
            content.Appendix.Add(new TextBlock(BlockKind.Paragraph, ["Die Baumaßnahme berücksichtigt den vorhandenen Baumbestand. Bäume mit einem Stammumfang über 80 cm werden während der Bauzeit durch einen Stammschutz gesichert. Der Wurzelbereich wird nicht befahren."]));
        }
        if (!form) Phrases.AddCourtesy(c, content);
        content.Enclosures.AddRange(r.Sample(Documents(r), r.Between(1, 4)));
        return content;
    }

    private static bool Small(string project) =>
        project.Contains("Carport", StringComparison.Ordinal) || project.Contains("gaube", StringComparison.Ordinal) ||
        project.Contains("Garage", StringComparison.Ordinal) && !project.Contains("Einfamilienhaus", StringComparison.Ordinal) || project.Contains("Wintergarten", StringComparison.Ordinal);

    private static List<string> Documents(Rng r) => r.Sample(new[]
    {
        "Amtlicher Lageplan 1:500", "Bauzeichnungen (Grundrisse, Schnitte, Ansichten) 1:100", "Baubeschreibung", "Berechnung des Maßes der baulichen Nutzung (GRZ/GFZ)",
        "Standsicherheitsnachweis", "Nachweis des Wärmeschutzes (GEG)", "Entwässerungsplan", "Berechnung der Wohnfläche", "Stellplatznachweis", "Auszug aus der Liegenschaftskarte",
    }, r.Between(4, 7));
}
