using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Requests for birth, marriage and death certificates → 34 Standesamt.</summary>
public sealed class Urkundenantrag : DocumentTemplate
{
    public override string Name => "Urkundenantrag";
    public override string DepartmentCode => "34";
    public override string DepartmentName => "Standesamt";

    public override string[] OfficeNames =>
        ["Standesamt", "Standesamt – Urkundenstelle", "Standesamt / Personenstandswesen", "Urkundenstelle", "Fachbereich Bürgerservice – Standesamt"];

    private sealed record Kind(string Certificate, string Event, string Register);

    private static readonly Kind[] Kinds =
    [
        new("Geburtsurkunde", "Geburt", "G"),
        new("Geburtsurkunde", "Geburt", "G"),
        new("Eheurkunde", "Eheschließung", "E"),
        new("Sterbeurkunde", "Sterbefall", "S"),
        new("Sterbeurkunde", "Sterbefall", "S"),
        new("Lebenspartnerschaftsurkunde", "Begründung der Lebenspartnerschaft", "L"),
    ];

    public override Party CreateSender(Rng rng, CityHall city) => rng.Between(0, 9) switch
    {
        <= 8 => PartyFactory.PrivatePerson(rng, city, 0.4),
        _ => PartyFactory.LawFirm(rng),
    };

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var k = r.Pick(Kinds);
        var copies = r.Pick(new[] { 1, 1, 1, 2, 2, 3 });
        var international = r.Chance(0.2);
        var eventDate = k.Event == "Sterbefall" ? c.DaysBefore(10, 400) : new DateOnly(r.Between(1938, 2024), r.Between(1, 12), r.Between(1, 28));
        var self = k.Event != "Sterbefall" && r.Chance(0.6);
        var subject = r.Pick(PersonOf(r, c, self));
        var purpose = r.Pick("zur Vorlage bei der Rentenversicherung", "für die Eheschließung", "zur Beantragung eines Reisepasses", "für das Nachlassgericht (Erbscheinsverfahren)",
            "für die Familienkasse", "zur Vorlage bei einer ausländischen Behörde", "für die Ahnenforschung", "zur Kündigung von Verträgen und Versicherungen", "für die Einbürgerung");
        var lawyer = c.Sender.Kind == PartyKind.LawFirm;
        var fee = r.Pick(new[] { 12m, 12m, 13m, 14m, 15m });
        var content = new LetterContent
        {
            Subject = r.Between(0, 3) switch
            {
                0 => $"Antrag auf Ausstellung einer {k.Certificate}",
                1 => $"Bestellung von {copies} {(copies == 1 ? k.Certificate : k.Certificate.Replace("urkunde", "urkunden", StringComparison.Ordinal))}",
                2 => $"Anforderung einer {k.Certificate}",
                _ => $"Urkundenantrag – {k.Certificate} {subject.LastName}",
            },
        };
        if (r.Chance(0.4)) content.Ref("Registernummer", $"{k.Register} {r.Between(1, 2400)}/{eventDate.Year}");
        if (lawyer) content.Ref("Nachlasssache", $"{subject.LastName}, Az. {r.Between(10, 99)} VI {r.Between(100, 999)}/{c.Year % 100:00}");

        content.P(lawyer
            ? $"in der Nachlasssache {subject.FullName} benötigen wir für das Erbscheinsverfahren {copies} {(copies == 1 ? "Ausfertigung" : "Ausfertigungen")} der {k.Certificate}. Eine Vollmacht der Erben liegt bei."
            : r.Pick(
                $"hiermit beantrage ich die Ausstellung {(copies == 1 ? "einer " + k.Certificate : $"von {copies} Exemplaren der {k.Certificate}")}{(international ? " (international, mehrsprachig)" : "")}.",
                $"für {(self ? "mich" : "meine Familie")} benötige ich {copies} {(copies == 1 ? "Exemplar" : "Exemplare")} der {k.Certificate}{(international ? " als internationale Urkunde" : "")}.",
                $"ich bitte um Zusendung von {copies} {(copies == 1 ? "Ausfertigung" : "Ausfertigungen")} der {k.Certificate} {purpose}."));

        var fields = new List<Field>
        {
            (k.Event == "Eheschließung" ? "Ehegatten" : "Name").Is(k.Event == "Eheschließung" ? $"{subject.FullName} und {PartyFactory.NewPerson(r).FullName}" : subject.FullName),
        };
        if (k.Event == "Geburt" && r.Chance(0.5)) fields.Add("Geburtsname".Is(r.Pick(GermanData.LastNames)));
        var dateLabel = k.Event switch { "Sterbefall" => "Sterbedatum", "Geburt" => "Geburtsdatum", "Eheschließung" => "Datum der Eheschließung", _ => "Datum" };
        fields.Add(dateLabel.Is(Formats.Numeric(eventDate)));
        fields.Add("Ort".Is(c.City.Town + (r.Chance(0.5) ? $"-{r.Pick(c.City.Districts)}" : "")));
        if (k.Event == "Geburt" && r.Chance(0.6)) fields.Add("Eltern".Is($"{r.Pick(GermanData.MaleFirstNames)} und {r.Pick(GermanData.FemaleFirstNames)} {subject.LastName}"));
        if (!self && !lawyer) fields.Add("Verhältnis zur Person".Is(r.Pick("Sohn", "Tochter", "Ehegatte", "Enkelin", "Enkel", "Bruder", "Schwester")));
        fields.Add(r.Pick("Verwendungszweck", "Zweck", "benötigt für").Is(r.Sometimes(0.75, purpose)));
        fields.Add(r.Pick("Anzahl", "Exemplare", "Anzahl der Urkunden").Is(r.Sometimes(0.6, copies.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        content.Fields(fields);

        content.Maybe(r, 0.5, () => r.Pick(
            $"Die Gebühr von {Formats.Euro(r, fee)} je Urkunde überweise ich nach Erhalt Ihrer Rechnung bzw. Ihres Gebührenbescheids.",
            $"Die Gebühr in Höhe von {Formats.Euro(r, fee * copies)} habe ich am {Formats.Numeric(c.Date)} auf das Konto der Stadtkasse überwiesen (Verwendungszweck: Urkunde {subject.LastName}).",
            "Bitte buchen Sie die Gebühren per Lastschrift von meinem Konto ab: IBAN " + c.Sender.Iban + ".",
            "Ich bin mit einer Nachnahme-Zustellung einverstanden."));
        content.Maybe(r, 0.35, () => r.Pick(
            "Mein rechtliches Interesse ergibt sich daraus, dass ich Erbe bzw. Erbin bin; eine Kopie des Testaments liegt bei.",
            $"Ich wohne inzwischen in {c.Sender.Address.Town} und kann leider nicht persönlich vorsprechen.",
            "Eine Kopie meines Personalausweises liegt zur Identitätsprüfung bei.",
            "Falls die Urkunde in einem anderen Standesamt beurkundet wurde, leiten Sie meinen Antrag bitte weiter.",
            $"Die Angelegenheit ist eilig, da die Frist beim Nachlassgericht am {Formats.Numeric(c.DaysAfter(14, 30))} abläuft."));
        content.P(r.Pick(
            "Bitte senden Sie die Urkunde an die oben genannte Anschrift.",
            "Für Ihre Bemühungen bedanke ich mich im Voraus.",
            "Sollten noch Angaben fehlen, bitte ich um kurze Nachricht.",
            "Ich bitte um möglichst baldige Zusendung."));
        Phrases.AddCourtesy(c, content);
        if (lawyer) content.Enclosures.Add("Vollmacht");
        if (r.Chance(0.4)) content.Enclosures.Add(r.Pick("Kopie des Personalausweises", "Kopie des Familienstammbuchs", "Nachweis des rechtlichen Interesses", "Testament (Kopie)"));
        return content;
    }

    private static Person[] PersonOf(Rng r, LetterContext c, bool self) =>
        self ? [c.Sender.Signer] : [PartyFactory.NewPerson(r) with { LastName = r.Chance(0.6) ? c.Sender.Signer.LastName : r.Pick(GermanData.LastNames) }];
}
