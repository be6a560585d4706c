using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Objections against all kinds of Bescheide, by citizens and lawyers → 30 Rechtsamt.</summary>
public sealed class Widerspruch : DocumentTemplate
{
    public override string Name => "Widerspruch";
    public override string DepartmentCode => "30";
    public override string DepartmentName => "Rechtsamt";

    public override string[] OfficeNames =>
        ["Rechtsamt", "Rechtsamt – Widerspruchsstelle", "Fachbereich Recht", "Widerspruchsstelle", "Rechts- und Versicherungsamt"];

    private sealed record Matter(string Bescheid, string Department, string[] Grounds);

    private static readonly Matter[] Matters =
    [
        new("Wohngeldbescheid", "50", [
            "Bei der Berechnung des Wohngeldes wurde das Einkommen meiner Tochter berücksichtigt, obwohl sie seit dem Beginn ihres Studiums nicht mehr im Haushalt lebt.",
            "Die Heizkostenkomponente wurde nicht angesetzt, obwohl die Voraussetzungen vorliegen.",
            "Sie haben als Miete nur den Höchstbetrag der Mietenstufe zugrunde gelegt; die tatsächliche Bruttokaltmiete ist deutlich höher und durch die Mietbescheinigung belegt.",
            "Die Rückforderung von Wohngeld ist nicht gerechtfertigt, da ich die Einkommensänderung rechtzeitig mitgeteilt habe.",
            "Die monatlichen Heizkosten von rund 140 € und die Bruttokaltmiete laut Mietbescheinigung wurden nicht vollständig berücksichtigt."]),
        new("Bescheid über Abfallgebühren", "70", [
            "Veranlagt wurde eine 240-Liter-Restmülltonne, tatsächlich steht auf dem Grundstück seit Januar nur eine 120-Liter-Tonne.",
            "Die Zahl der Personen im Haushalt ist falsch angesetzt.",
            "Die Gebührenkalkulation ist nicht nachvollziehbar; ich beantrage Einsicht in die Kalkulationsunterlagen."]),
        new("Grundsteuerbescheid", "22", [
            "Der Bescheid beruht auf einem Grundsteuerwert, gegen den beim Finanzamt bereits Einspruch eingelegt ist.",
            "Der Hebesatz wurde gegenüber dem Vorjahr ohne Begründung erheblich angehoben.",
            "Das Grundstück ist teilweise nicht bebaubar, was bei der Festsetzung nicht berücksichtigt wurde."]),
        new("Hundesteuerbescheid", "22", [
            "Der Hund wurde bereits zum Monatsende abgemeldet; die Hundesteuer ist nur bis dahin festzusetzen.",
            "Es wird der erhöhte Steuersatz für gefährliche Hunde angesetzt, obwohl der Wesenstest bestanden wurde.",
            "Die beantragte Ermäßigung wegen Bezugs von Sozialleistungen wurde nicht gewährt.",
            "Mein Hund ist ein Mischling, keine Rasse im Sinne der Liste gefährlicher Hunde. Die Chipnummer und das Wurfdatum stehen im beigefügten Heimtierausweis."]),
        new("Bescheid über den Elternbeitrag für die Kindertagesbetreuung", "51", [
            "Der Elternbeitrag wurde nach der höchsten Einkommensstufe festgesetzt, obwohl die Einkommensnachweise fristgerecht vorgelegt wurden.",
            "Für das Geschwisterkind ist Beitragsfreiheit vorgesehen.",
            "Die Kita war im Sommer drei Wochen geschlossen; eine Erstattung ist nicht erfolgt.",
            "Gebucht ist ein Betreuungsumfang von 35 Stunden pro Woche, berechnet wurde der Beitrag für 45 Stunden."]),
        new("Ablehnungsbescheid zum Bauantrag", "63", [
            "Das Vorhaben fügt sich nach Art und Maß der baulichen Nutzung in die Eigenart der näheren Umgebung ein (§ 34 BauGB).",
            "In der unmittelbaren Nachbarschaft wurden vergleichbare Dachgauben und Carports genehmigt.",
            "Die erforderliche Befreiung von den Festsetzungen des Bebauungsplans ist städtebaulich vertretbar."]),
        new("Bescheid über die Ablehnung der Fällgenehmigung", "70", [
            "Der Baum ist laut beigefügtem Gutachten nicht mehr standsicher und gefährdet das Wohnhaus.",
            "Die Wurzeln haben bereits die Abwasserleitung beschädigt.",
            "Eine Ersatzpflanzung auf dem Grundstück wurde ausdrücklich angeboten."]),
        new("Bescheid über Straßenausbaubeiträge", "66", [
            "Die Maßnahme ist keine beitragsfähige Verbesserung, sondern eine unterlassene Instandhaltung.",
            "Die Grundstücksfläche wurde falsch ermittelt.",
            "Der Bescheid ist nicht hinreichend bestimmt."]),
        new("Bescheid über die Ablehnung eines Bewohnerparkausweises", "36", [
            "Ich bin mit Hauptwohnsitz in der Zone gemeldet und Halter des Fahrzeugs.",
            "Das Fahrzeug ist ein Dienstwagen, den ich auch privat nutzen darf; der Überlassungsvertrag liegt bei."]),
        new("Gebührenbescheid für eine Amtshandlung", "32", [
            "Die Gebühr ist unverhältnismäßig hoch und entspricht nicht dem Verwaltungsaufwand.",
            "Die Amtshandlung wurde von mir nicht beantragt."]),
    ];

    public override Party CreateSender(Rng rng, CityHall city) => rng.Between(0, 9) switch
    {
        <= 5 => PartyFactory.PrivatePerson(rng, city, 0.9),
        <= 8 => PartyFactory.LawFirm(rng),
        _ => PartyFactory.PropertyManager(rng, city),
    };

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var m = r.Pick(Matters);
        var issued = c.DaysBefore(5, 28);
        var az = c.Az(m.Department);
        var lawyer = c.Sender.Kind == PartyKind.LawFirm;
        var client = lawyer ? PartyFactory.NewPerson(r) : null;
        var subject = r.Between(0, 3) switch
        {
            0 => $"Widerspruch gegen den {m.Bescheid} vom {Formats.Numeric(issued)}",
            1 => $"Widerspruch – {m.Bescheid}",
            2 => lawyer ? $"{client!.LastName} ./. Stadt {c.City.Town} – Widerspruch" : $"Widerspruch gegen Ihren Bescheid vom {Formats.Numeric(issued)}",
            _ => $"Ihr {m.Bescheid} vom {Formats.Numeric(issued)}",
        };
        var content = new LetterContent { Subject = subject };
        content.Ref(r.Pick("Ihr Aktenzeichen", "Az.", "Aktenzeichen", "Ihr Zeichen"), az);
        if (r.Chance(0.35)) content.Ref("Kassenzeichen", Formats.Kassenzeichen(r, c.Year));
        if (lawyer && r.Chance(0.6)) content.Ref("Unser Zeichen", $"{r.Between(10, 999)}/{c.Year % 100:00} {r.Letters(2)}");

        if (lawyer)
        {
            content.P(r.Pick(
                $"hiermit zeigen wir an, dass uns {client!.Addressed.Replace("Herrn", "Herr", StringComparison.Ordinal)} mit der Wahrnehmung {(client.Female ? "ihrer" : "seiner")} rechtlichen Interessen beauftragt hat. Eine auf uns lautende Vollmacht fügen wir bei.",
                $"in der oben genannten Angelegenheit vertreten wir {client!.Addressed} ({r.Pick(GermanData.Streets)} {PartyFactory.HouseNumber(r)}, {c.City.Town}). Ordnungsgemäße Bevollmächtigung wird anwaltlich versichert."));
            content.P(r.Pick(
                $"Namens und in Vollmacht unse{(client!.Female ? "rer Mandantin" : "res Mandanten")} legen wir gegen den {m.Bescheid} vom {Formats.Numeric(issued)}, Az. {az}, Widerspruch ein.",
                $"Gegen den vorgenannten Bescheid, zugestellt am {Formats.Numeric(issued.AddDays(r.Between(1, 3)))}, erheben wir hiermit fristgerecht Widerspruch."));
            content.P(r.Pick(
                "Zur Begründung beantragen wir zunächst Akteneinsicht gemäß § 29 VwVfG durch Übersendung der Verwaltungsvorgänge in unsere Kanzlei. Die Begründung bleibt einem gesonderten Schriftsatz vorbehalten.",
                "Die Begründung des Widerspruchs erfolgt nach Einsicht in die Verwaltungsakte, um deren Übersendung wir bitten.",
                "Zur Begründung tragen wir vor:"));
        }
        else
        {
            content.P(r.Pick(
                $"gegen den {m.Bescheid} vom {c.DateText(issued)}, Aktenzeichen {az}, lege{c.I(" ich", "n wir")} hiermit fristgerecht Widerspruch ein.",
                $"hiermit erhebe{c.I(" ich", "n wir")} Widerspruch gegen Ihren Bescheid vom {c.DateText(issued)} ({m.Bescheid}).",
                $"{c.I("ich", "wir")} {c.I("habe", "haben")} Ihren {m.Bescheid} vom {c.DateText(issued)} erhalten und {c.I("bin", "sind")} damit nicht einverstanden. Hiermit lege{c.I(" ich", "n wir")} Widerspruch ein."));
            content.P(r.Pick("Begründung:", "Zur Begründung:", $"{c.I("Meinen", "Unseren")} Widerspruch begründe{c.I(" ich", "n wir")} wie folgt:"));
        }
        var grounds = r.Sample(m.Grounds, c.Long ? m.Grounds.Length : r.Between(1, Math.Min(2, m.Grounds.Length)));
        foreach (var g in grounds)
            content.P(lawyer ? g.Replace("Ich bin", "Unsere Partei ist", StringComparison.Ordinal).Replace("ich ", "unsere Partei ", StringComparison.Ordinal).Replace("meiner", "ihrer", StringComparison.Ordinal) : g);
        if (c.Long)
        {
            content.P("Nach ständiger Rechtsprechung ist die Behörde verpflichtet, den Sachverhalt von Amts wegen vollständig zu ermitteln (§ 24 VwVfG). Dies ist hier erkennbar nicht geschehen: Weder wurden die vorgelegten Unterlagen ausgewertet, noch wurde Gelegenheit zur Stellungnahme vor Erlass des Bescheids gegeben (§ 28 VwVfG).");
            content.P("Der Bescheid ist daher rechtswidrig und verletzt die Betroffenen in ihren Rechten. Er ist aufzuheben. Hilfsweise ist die Festsetzung unter Berücksichtigung der vorgetragenen Umstände neu vorzunehmen.");
        }
        content.Maybe(r, 0.45, () => r.Pick(
            $"Zugleich beantrage{c.I(" ich", "n wir")} die Aussetzung der Vollziehung gemäß § 80 Abs. 4 VwGO bis zur Entscheidung über den Widerspruch.",
            "Bis zur Entscheidung über den Widerspruch bitte ich, von Vollstreckungsmaßnahmen abzusehen.".Replace("bitte ich", c.I("bitte ich", "bitten wir"), StringComparison.Ordinal),
            "Die fristgerechte Zahlung des festgesetzten Betrags erfolgt unter Vorbehalt und ohne Anerkennung einer Rechtspflicht."));
        content.P(r.Pick(
            $"{c.I("Ich beantrage", "Wir beantragen")}, den Bescheid aufzuheben.",
            $"{c.I("Ich bitte", "Wir bitten")} um Überprüfung und Abhilfe sowie um Erteilung eines Widerspruchsbescheids, falls Sie nicht abhelfen.",
            $"{c.I("Ich bitte", "Wir bitten")}, den Eingang dieses Widerspruchs schriftlich zu bestätigen.",
            "Der Bescheid ist insoweit aufzuheben und die Kosten des Verfahrens sind der Stadt aufzuerlegen."));
        if (!lawyer) Phrases.AddCourtesy(c, content);
        if (lawyer) content.Enclosures.Add("Vollmacht");
        if (r.Chance(0.5)) content.Enclosures.Add($"Kopie des Bescheids vom {Formats.Numeric(issued)}");
        if (r.Chance(0.2)) content.Enclosures.Add(r.Pick("Mietbescheinigung", "Gutachten", "Einkommensnachweise", "Fotos", "Meldebescheinigung"));
        return content;
    }
}
