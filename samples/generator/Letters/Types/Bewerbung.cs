using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Job applications (with CV pages at times) → 11 Personalamt.</summary>
public sealed class Bewerbung : DocumentTemplate
{
    public override string Name => "Bewerbung";
    public override string DepartmentCode => "11";
    public override string DepartmentName => "Personalamt";

    public override string[] OfficeNames =>
        ["Personalamt", "Personal und Organisation", "Fachbereich Personal", "Personalabteilung", "Amt für Personal und Organisation", "Personalservice – Ausbildung"];

    private static readonly (string Title, string Group, string Field)[] Jobs =
    [
        ("Sachbearbeiter/in (m/w/d) im Bürgeramt", "EG 8 TVöD", "Verwaltung"),
        ("Verwaltungsfachangestellte/r (m/w/d) im Steueramt", "EG 9a TVöD", "Verwaltung"),
        ("Erzieher/in (m/w/d) für städtische Kindertagesstätten", "S 8a TVöD SuE", "Pädagogik"),
        ("Bauingenieur/in (m/w/d) in der Bauaufsicht", "EG 11 TVöD", "Technik"),
        ("Straßenwärter/in (m/w/d) im Baubetriebshof", "EG 5 TVöD", "Handwerk"),
        ("IT-Systemadministrator/in (m/w/d)", "EG 10 TVöD", "IT"),
        ("Sozialarbeiter/in (m/w/d) im Allgemeinen Sozialen Dienst", "S 14 TVöD SuE", "Soziales"),
        ("Sachbearbeiter/in (m/w/d) Wohngeld", "EG 9a TVöD", "Verwaltung"),
        ("Standesbeamtin/Standesbeamter (m/w/d)", "A 9 LBesO", "Verwaltung"),
        ("Gärtner/in (m/w/d) für die Grünflächenunterhaltung", "EG 5 TVöD", "Handwerk"),
        ("Buchhalter/in (m/w/d) in der Stadtkasse", "EG 8 TVöD", "Finanzen"),
        ("Jurist/in (m/w/d) im Rechtsamt", "EG 13 TVöD", "Recht"),
    ];

    private static readonly string[] Schools =
        ["Gesamtschule", "Gymnasium", "Realschule", "Berufskolleg", "Städtisches Gymnasium", "Stadtteilschule"];

    public override Party CreateSender(Rng rng, CityHall city) => PartyFactory.PrivatePerson(rng, city, 0.6);

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var job = r.Pick(Jobs);
        var kennziffer = $"{r.Pick("", "Kennziffer ", "Ausschreibung Nr. ", "Kennz. ")}{r.Pick(c.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "11", "2025")}-{r.Digits(3)}".Trim();
        var kind = r.Between(0, 9) switch { <= 6 => "job", 7 or 8 => "training", _ => "open" };
        var subject = kind switch
        {
            "training" => r.Pick("Bewerbung um einen Ausbildungsplatz als Verwaltungsfachangestellte/r", $"Bewerbung für die Ausbildung zum Verwaltungsfachangestellten ab 1. August {c.Year}", $"Bewerbung um einen Studienplatz im dualen Studium Public Administration {c.Year}"),
            "open" => r.Pick("Initiativbewerbung", "Initiativbewerbung für eine Tätigkeit in der Stadtverwaltung", "Bewerbung – Anfrage nach einer Stelle"),
            _ => r.Pick($"Bewerbung als {job.Title}", $"Bewerbung auf die Stelle {job.Title}", $"Ihre Stellenausschreibung „{job.Title}“", $"Bewerbung – {job.Title}, {kennziffer}"),
        };
        var content = new LetterContent { Subject = subject };
        if (kind == "job" && r.Chance(0.5)) content.SubjectLines.Add(kennziffer.Contains("Nr.", StringComparison.Ordinal) || kennziffer.Contains("Kenn", StringComparison.Ordinal) ? kennziffer : "Kennziffer " + kennziffer);

        var seen = r.Pick("auf Ihrer Internetseite", "auf interamt.de", $"in der Tageszeitung vom {Formats.Numeric(c.DaysBefore(10, 30))}", "in der Jobbörse der Bundesagentur für Arbeit", "auf einer Karrieremesse");
        var person = c.Sender.Signer;
        content.P(kind switch
        {
            "training" => r.Pick(
                $"mit großem Interesse habe ich {seen} gelesen, dass die Stadt {c.City.Town} zum {r.Pick("1. August", "1. September")} {c.Year} wieder Ausbildungsplätze anbietet. Hiermit bewerbe ich mich um einen dieser Plätze.",
                $"ich besuche zurzeit die {r.Pick(Schools)} in {c.Sender.Address.Town} und werde im Sommer {c.Year} {r.Pick("mein Abitur", "die Fachhochschulreife", "den mittleren Schulabschluss")} ablegen. Deshalb bewerbe ich mich bei Ihnen um eine Ausbildung."),
            "open" => $"ich möchte mich bei Ihnen initiativ bewerben, da ich mich beruflich verändern möchte und gern für die öffentliche Verwaltung in {c.City.Town} tätig wäre.",
            _ => r.Pick(
                $"mit großem Interesse habe ich Ihre Ausschreibung {seen} gelesen und bewerbe mich hiermit um die Stelle als {job.Title} ({job.Group}).",
                $"hiermit bewerbe ich mich auf die ausgeschriebene Stelle als {job.Title}. Die Ausschreibung habe ich {seen} gefunden.",
                $"die von Ihnen {seen} ausgeschriebene Stelle als {job.Title} entspricht genau meinen Vorstellungen, daher sende ich Ihnen meine Bewerbungsunterlagen."),
        });

        var years = r.Between(2, 18);
        var (employer, duty) = job.Field switch
        {
            "Pädagogik" => (r.Pick("einem freien Träger der Jugendhilfe", $"der Ev. Kita {r.Pick("Arche", "Sonnenblume", "Kunterbunt")}", "einem Familienzentrum"), "die Betreuung von Kindern im Alter von ein bis sechs Jahren"),
            "Technik" => (r.Pick("einem Ingenieurbüro", $"dem Kreis {r.Pick(GermanData.Places).Town}", "einem Bauunternehmen"), "die Prüfung von Bauanträgen und Statiken"),
            "Handwerk" => (r.Pick("einem Garten- und Landschaftsbaubetrieb", $"der Gemeinde {r.Pick(GermanData.Places).Town}", "einer Straßenmeisterei"), "die Pflege von Grünanlagen, Straßen und Baumbeständen"),
            "IT" => (r.Pick($"der {r.Pick(GermanData.LastNames)} GmbH", "einem kommunalen IT-Dienstleister"), "den Support von rund 300 Arbeitsplätzen"),
            "Soziales" => (r.Pick("einem freien Träger der Jugendhilfe", "der Agentur für Arbeit"), "die Beratung von Familien in schwierigen Lebenslagen"),
            "Finanzen" => (r.Pick("einem Steuerberatungsbüro", $"der {r.Pick(GermanData.LastNames)} GmbH"), "die Prüfung von Rechnungen und den Zahlungsverkehr"),
            "Recht" => (r.Pick("einer Rechtsanwaltskanzlei", $"dem Kreis {r.Pick(GermanData.Places).Town}"), "die Bearbeitung von Widersprüchen und Klageverfahren"),
            _ => (r.Pick($"der Gemeinde {r.Pick(GermanData.Places).Town}", $"dem Kreis {r.Pick(GermanData.Places).Town}", "der Agentur für Arbeit"), "die Bearbeitung von Anträgen und Widersprüchen"),
        };
        if (kind != "training")
            content.P(r.Pick(
                $"Seit {years} Jahren bin ich bei {employer} beschäftigt. Dort bin ich unter anderem für {duty} zuständig.",
                $"Nach meiner Ausbildung zur {r.Pick("Verwaltungsfachangestellten", "Kauffrau für Büromanagement", "Erzieherin", "Fachinformatikerin")} bzw. zum entsprechenden Abschluss habe ich {years} Jahre Berufserfahrung gesammelt, zuletzt bei {employer}.",
                $"Mein Studium {r.Pick("der Rechtswissenschaften", "des Bauingenieurwesens", "der Sozialen Arbeit", "der Verwaltungswissenschaften", "der Informatik")} habe ich {r.Pick("an der Universität", "an der Hochschule")} {r.Pick(GermanData.Places).Town} abgeschlossen. Seitdem arbeite ich bei {employer}."));
        else
            content.P(r.Pick(
                "In der Schule gehören Deutsch, Politik und Mathematik zu meinen Lieblingsfächern. Ein Praktikum im Bürgerbüro hat mir gezeigt, wie vielseitig die Arbeit in einer Verwaltung ist.",
                $"Während eines zweiwöchigen Schulpraktikums beim {r.Pick("Ordnungsamt", "Jugendamt", "Standesamt", "Bürgeramt")} habe ich erste Einblicke in die Verwaltung gewonnen, die mich sehr begeistert haben.",
                "Ich arbeite gern mit Menschen und lege Wert auf Sorgfalt und Zuverlässigkeit. Ehrenamtlich engagiere ich mich in einem Sportverein als Jugendtrainer."));

        content.Maybe(r, 0.7, () => r.Pick(
            "Zu meinen Stärken zählen eine strukturierte Arbeitsweise, Belastbarkeit und ein freundliches Auftreten gegenüber Bürgerinnen und Bürgern.",
            "Sicher im Umgang mit MS Office und verschiedenen Fachverfahren, arbeite ich mich schnell in neue Rechtsgebiete und Programme ein.",
            "Ich verfüge über fundierte Kenntnisse im Verwaltungsverfahrensrecht und bin es gewohnt, Fristen zuverlässig im Blick zu behalten.",
            "Teamarbeit ist für mich selbstverständlich; zugleich arbeite ich gern eigenverantwortlich."));
        content.Maybe(r, 0.35, () => r.Pick(
            $"Meine Kündigungsfrist beträgt {r.Pick("vier Wochen zum Monatsende", "drei Monate zum Quartalsende", "sechs Wochen")}; ich könnte die Stelle frühestens zum {Formats.Numeric(c.DaysAfter(60, 120))} antreten.",
            $"Meine Gehaltsvorstellung orientiert sich an der ausgeschriebenen Entgeltgruppe {job.Group}.",
            "Ich bin schwerbehindert (GdB 50) und bitte, dies im Auswahlverfahren zu berücksichtigen.",
            "Eine Teilzeitbeschäftigung mit 30 Wochenstunden wäre für mich ebenfalls denkbar.",
            "Gewünscht ist eine Vollzeitstelle mit 39 Stunden pro Woche."));
        if (c.Long) content.P("Besonders reizt mich an der Stelle die Verbindung von rechtlicher Prüfung und direktem Kontakt mit den Menschen vor Ort. Ich habe mich über die Leitlinien Ihrer Verwaltungsmodernisierung informiert und würde gern daran mitwirken, Verfahren digital und bürgerfreundlich zu gestalten.");
        content.P(r.Pick(
            "Über eine Einladung zu einem persönlichen Vorstellungsgespräch freue ich mich sehr.",
            "Gern überzeuge ich Sie in einem persönlichen Gespräch von meiner Motivation.",
            "Ich freue mich darauf, von Ihnen zu hören."));

        if (r.Chance(0.85)) content.Enclosures.Add(r.Pick("Lebenslauf", "Lebenslauf", "tabellarischer Lebenslauf", "Lebenslauf mit Foto"));
        content.Enclosures.AddRange(r.Sample(new[] { "Zeugnisse", "Arbeitszeugnisse", "Abschlusszeugnis", "Nachweise über Fortbildungen", "Kopie des Schwerbehindertenausweises", "Führungszeugnis", "Praktikumsbescheinigung" }, r.Between(1, 3)));

        if (c.Long || r.Chance(0.25)) AddCv(c, content, person, employer, years);
        return content;
    }

    private static void AddCv(LetterContext c, LetterContent content, Person person, string employer, int years)
    {
        var r = c.Rng;
        var born = new DateOnly(r.Between(1965, 2007), r.Between(1, 12), r.Between(1, 28));
        content.Appendix.Add(new TextBlock(BlockKind.Heading, ["Lebenslauf"]));
        content.Appendix.Add(new TextBlock(BlockKind.Heading, ["Persönliche Daten"]));
        content.Appendix.Add(new FieldsBlock([
            "Name".Is(person.FullName),
            "Anschrift".Is($"{c.Sender.Address.Street}, {c.Sender.Address.TownLine}"),
            "Geburtsdatum".Is(Formats.Numeric(born)),
            "Geburtsort".Is(r.Pick(GermanData.Places).Town),
            "Familienstand".Is(r.Pick("ledig", "verheiratet, zwei Kinder", "verheiratet", "geschieden, ein Kind")),
        ]));
        content.Appendix.Add(new TextBlock(BlockKind.Heading, ["Beruflicher Werdegang"]));
        var start = c.Year - years;
        content.Appendix.Add(new FieldsBlock([
            $"seit {r.Between(1, 12):00}/{start}".Is($"Tätigkeit bei {employer}"),
            $"{r.Between(1, 12):00}/{start - r.Between(2, 5)} – {r.Between(1, 12):00}/{start}".Is(r.Pick("Sachbearbeitung in einer Kreisverwaltung", "Elternzeit und Weiterbildung", "Tätigkeit als Bürokauffrau bzw. Bürokaufmann", "Projektmitarbeit in einem Planungsbüro")),
        ]));
        content.Appendix.Add(new TextBlock(BlockKind.Heading, ["Ausbildung"]));
        content.Appendix.Add(new FieldsBlock([
            $"{born.Year + 19} – {born.Year + 22}".Is(r.Pick("Ausbildung zur/zum Verwaltungsfachangestellten", "Studium an der Hochschule für öffentliche Verwaltung", "Ausbildung zur Erzieherin / zum Erzieher", "Studium Bauingenieurwesen (B. Eng.)")),
            $"{born.Year + 10} – {born.Year + 19}".Is($"{r.Pick(Schools)} {r.Pick(GermanData.Places).Town}, {r.Pick("Abitur", "Fachhochschulreife", "Mittlere Reife")}"),
        ]));
        content.Appendix.Add(new TextBlock(BlockKind.Heading, ["Kenntnisse"]));
        content.Appendix.Add(new FieldsBlock([
            "EDV".Is(r.Pick("MS Office (sehr gut), SAP (Grundkenntnisse)", "Word, Excel, Outlook; Fachverfahren OK.EWO", "Linux, Windows Server, Netzwerktechnik", "AutoCAD, MS Project")),
            "Sprachen".Is(r.Pick("Deutsch (Muttersprache), Englisch (gut)", "Deutsch, Türkisch (Muttersprache), Englisch (Grundkenntnisse)", "Deutsch, Polnisch, Englisch (fließend)")),
            "Führerschein".Is(r.Pick("Klasse B", "Klassen B, BE", "Klasse B, C1")),
        ]));
        content.Appendix.Add(new TextBlock(BlockKind.Paragraph, [$"{c.Sender.Address.Town}, {Formats.Numeric(c.Date)}"]));
        content.Appendix.Add(new TextBlock(BlockKind.Signature, [person.FullName]));
    }
}
