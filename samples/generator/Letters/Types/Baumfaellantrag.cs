using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Applications to fell protected trees (Baumschutzsatzung) → 70 Umweltamt.</summary>
public sealed class Baumfaellantrag : DocumentTemplate
{
    public override string Name => "Baumfällantrag";
    public override string DepartmentCode => "70";
    public override string DepartmentName => "Umweltamt";

    public override string[] OfficeNames =>
        ["Umweltamt", "Untere Naturschutzbehörde", "Umweltamt – Baumschutz", "Amt für Umwelt- und Klimaschutz", "Fachbereich Umwelt und Grün", "Grünflächen- und Umweltamt"];

    private static readonly string[] Species =
    [
        "Stieleiche (Quercus robur)", "Rotbuche", "Bergahorn", "Spitzahorn", "Sandbirke", "Gemeine Fichte", "Walnussbaum", "Winterlinde", "Kiefer",
        "Esche", "Rosskastanie", "Hainbuche", "Lärche", "Blutbuche", "Robinie", "Weide", "Kirschbaum", "Douglasie",
    ];

    public override Party CreateSender(Rng rng, CityHall city) => rng.Between(0, 19) switch
    {
        <= 10 => PartyFactory.PrivatePerson(rng, city, 0.95),
        <= 15 => PartyFactory.PropertyManager(rng, city),
        <= 17 => PartyFactory.Association(rng, city, "garden"),
        _ => PartyFactory.Architect(rng, city),
    };

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var count = r.Chance(0.75) ? 1 : r.Between(2, 4);
        var site = $"{r.Pick(GermanData.Streets)} {PartyFactory.HouseNumber(r)}, {r.Pick(c.City.ResidentPostcodes)} {c.City.Town}";
        var parcel = Formats.Flurstueck(r, r.Chance(0.5) ? c.City.Gemarkung : r.Pick(c.City.Districts));
        var reason = r.Between(0, 6);
        var form = r.Chance(0.4);
        var content = new LetterContent
        {
            Subject = form
                ? r.Pick("Antrag auf Erteilung einer Fällgenehmigung nach der Baumschutzsatzung", "Antrag auf Ausnahmegenehmigung – Baumschutzsatzung", "Baumfällantrag")
                : r.Pick($"Antrag auf Fällgenehmigung für {(count == 1 ? "einen Baum" : $"{count} Bäume")}", $"Fällung {(count == 1 ? "eines Baumes" : "von Bäumen")} auf dem Grundstück {site}", "Baumfällung – Antrag auf Genehmigung", "Genehmigung zur Fällung einer geschützten Eiche".Replace("Eiche", r.Chance(0.5) ? "Eiche" : "Buche", StringComparison.Ordinal)),
            FormStyle = form,
        };
        if (r.Chance(0.2)) content.Ref("Aktenzeichen Bauantrag", c.Az("63"));
        if (r.Chance(0.15)) content.Ref("Ihr Zeichen", c.Az("70"));

        var trees = Enumerable.Range(0, count).Select(i => new List<Field>
        {
            r.Pick("Baumart", "Art", "Gehölz").Is(r.Pick(Species)),
            r.Pick("Stammumfang in 1 m Höhe", "Umfang (gemessen in 1 m Höhe)", "Stammumfang", "Stammdurchmesser").Is($"{r.Between(80, 320)} cm"),
            r.Pick("Höhe", "Baumhöhe", "geschätzte Höhe").Is(r.Sometimes(0.7, $"ca. {r.Between(8, 28)} m")),
            r.Pick("Kronendurchmesser", "Krone").Is(r.Sometimes(0.5, $"ca. {r.Between(4, 16)} m")),
            r.Pick("Standort", "Lage auf dem Grundstück", "Wo").Is(r.Pick("Vorgarten", "hinterer Garten, Grundstücksgrenze", "an der Garage", "neben der Terrasse", "Innenhof", "an der Gehwegkante")),
        }).ToList();
        var why = reason switch
        {
            0 => "Der Baum ist von einem Pilz (Brandkrustenpilz) befallen und nach Einschätzung eines Baumgutachters nicht mehr standsicher.",
            1 => "Die Wurzeln heben die Terrasse und die Zufahrt an und haben bereits die Grundleitung beschädigt; eine Kamerabefahrung der Leitung liegt vor.",
            2 => "Der Baum ist abgestorben; seit dem letzten Sommer trägt er keine Blätter mehr. Herabfallende Äste gefährden Passanten auf dem Gehweg.",
            3 => $"Für das geplante Bauvorhaben ({r.Pick("Neubau eines Einfamilienhauses", "Anbau", "Garage", "Carport")}) muss der Baum weichen. Der Bauantrag wurde beim Bauordnungsamt eingereicht.",
            4 => "Der Baum steht nur 2 m vom Wohnhaus entfernt, verschattet die Wohnräume vollständig und die Äste reichen bereits über das Dach.",
            5 => "Nach dem letzten Sturm ist ein Hauptstämmling ausgebrochen; die verbleibende Krone ist einseitig und droht umzustürzen.",
            _ => "Der Baum hat sich im Wurzelbereich deutlich geneigt, der Boden ist aufgewölbt. Eine akute Umsturzgefahr ist nicht auszuschließen.",
        };

        if (form)
        {
            content.Heading("Antragsteller/in");
            content.Fields("Name".Is(c.Sender.Name), "Anschrift".Is($"{c.Sender.Address.Street}, {c.Sender.Address.TownLine}"), "Telefon".Is(c.Sender.Phone ?? ""),
                "Eigentümer/in".Is(c.Sender.IsPerson ? "ja" : $"nein, Verwaltung für {r.Pick("WEG", "Eigentümergemeinschaft", "Erbengemeinschaft")} {r.Pick(GermanData.LastNames)}"));
            content.Heading("Grundstück");
            content.Fields("Lage".Is(site), "Katasterangaben".Is(parcel));
            for (var i = 0; i < count; i++)
            {
                content.Heading(count == 1 ? "Angaben zum Baum" : $"Baum Nr. {i + 1}");
                content.Fields(trees[i]);
            }
            content.Heading("Begründung");
            content.P(why);
            content.Fields("Ersatzpflanzung angeboten".Is(r.Chance(0.6) ? $"ja, {r.Pick("Feldahorn", "Hainbuche", "Zierapfel", "Felsenbirne", "Amberbaum")}, Stammumfang 16–18 cm" : "nein"),
                "Fotos / Lageplan beigefügt".Is(r.Chance(0.7) ? "ja" : "nein"));
        }
        else
        {
            content.P(r.Pick(
                $"hiermit beantrage{c.I(" ich", "n wir")} die Genehmigung zur Fällung {(count == 1 ? "eines Baumes" : $"von {count} Bäumen")} auf dem Grundstück {site} ({parcel}).",
                $"auf {c.I("meinem", "dem von uns verwalteten")} Grundstück {site} steht {(count == 1 ? "ein Baum, der" : $"eine Gruppe von {count} Bäumen, die")} nach der Baumschutzsatzung der Stadt {c.City.Town} geschützt {(count == 1 ? "ist" : "sind")}. {c.I("Ich beantrage", "Wir beantragen")} die Fällgenehmigung.",
                $"{c.I("ich", "wir")} {c.I("bitte", "bitten")} um die Erlaubnis, {(count == 1 ? "einen Baum" : $"{count} Bäume")} auf dem Grundstück {site} fällen zu lassen."));
            foreach (var t in trees) content.Fields(t);
            content.P(why);
            content.Maybe(r, 0.5, () => r.Pick(
                $"Als Ersatz {c.I("bin ich", "sind wir")} bereit, auf dem Grundstück einen standortgerechten Laubbaum zu pflanzen.",
                "Ein Gutachten eines öffentlich bestellten Sachverständigen für Baumpflege liegt bei.",
                $"Die Fällung soll außerhalb der Brutzeit, also bis spätestens 28. Februar {(c.Date.Month <= 2 ? c.Year : c.Year + 1)}, durch eine Fachfirma erfolgen.",
                "Der Nachbar ist mit der Fällung einverstanden; seine schriftliche Zustimmung ist beigefügt.",
                "Fledermausquartiere oder Nester wurden bei einer Begehung nicht festgestellt.",
                $"Laut Angebot der Fachfirma kostet die Fällung {Formats.Amount(r.Between(600, 3800))} € zzgl. USt.; die Kosten tragen wir selbst.",
                "Einem möglichen Widerspruch der Nachbarn sehen wir gelassen entgegen, da die Gefahr offensichtlich ist."));
            if (c.Long) content.P("Wir haben vor der Antragstellung mehrere Alternativen geprüft: Ein Kronenrückschnitt würde den Baum so stark schwächen, dass er in wenigen Jahren ohnehin abstirbt; eine Kronensicherung ist nach Auskunft der Fachfirma wegen der Schäden im Stammfuß nicht möglich. Die Fällung ist daher aus unserer Sicht die einzige Lösung, um die Verkehrssicherheit auf dem Grundstück und dem angrenzenden Gehweg herzustellen.");
            content.Maybe(r, 0.4, () => r.Pick(
                $"Da Gefahr im Verzug ist, bitte{c.I(" ich", "n wir")} um eine kurzfristige Entscheidung.",
                "Bitte teilen Sie mit, welche Gebühren für die Genehmigung anfallen.",
                $"{c.I("Ich bitte", "Wir bitten")} um einen schriftlichen Bescheid innerhalb der Frist von einem Monat."));
            Phrases.AddCourtesy(c, content);
        }
        content.Enclosures.AddRange(r.Sample(new[] { "Lageplan mit Baumstandort", "Fotos des Baumes", "Baumgutachten", "Zustimmung der Eigentümergemeinschaft", "Kopie des Bauantrags" }, r.Between(1, 3)));
        return content;
    }
}
