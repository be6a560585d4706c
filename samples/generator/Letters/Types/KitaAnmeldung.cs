using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Registering a child for day care (Kita, Tagespflege) → 51 Jugendamt.</summary>
public sealed class KitaAnmeldung : DocumentTemplate
{
    public override string Name => "Kita-Anmeldung";
    public override string DepartmentCode => "51";
    public override string DepartmentName => "Jugendamt";

    public override string[] OfficeNames =>
        ["Jugendamt", "Jugendamt – Kindertagesbetreuung", "Fachbereich Jugend und Familie", "Amt für Kinder, Jugend und Familie", "Kita-Servicestelle", "Abteilung Tagesbetreuung für Kinder"];

    private static readonly string[] KitaNames =
    [
        "Kita Sonnenschein", "Kita Regenbogen", "Ev. Kita Arche Noah", "Kath. Kita St. Marien", "AWO-Kita Pusteblume", "Städtische Kita Wiesenweg",
        "Kita Zwergenland", "Waldkindergarten Eichhörnchen", "Familienzentrum Lindenhof", "Kita Kleine Strolche", "DRK-Kita Löwenzahn", "Kita Am Stadtpark",
    ];

    public override Party CreateSender(Rng rng, CityHall city) => PartyFactory.PrivatePerson(rng, city, 0.93);

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var parent = c.Sender.Signer;
        var childFemale = r.Chance(0.5);
        var child = new Person(r.Pick(childFemale ? GermanData.FemaleFirstNames : GermanData.MaleFirstNames), parent.LastName, childFemale, null);
        var born = c.Date.AddDays(-r.Between(120, 1500));
        var start = new DateOnly(c.Date.Month >= 8 ? c.Year + 1 : c.Year, r.Pick(new[] { 8, 8, 8, 9, 1, 3 }), 1);
        if (start < c.Date) start = start.AddYears(1);
        var hours = r.Pick("25", "35", "35", "45");
        var u3 = start.DayNumber - born.DayNumber < 3 * 365;
        var wishes = r.Sample(KitaNames, r.Between(1, 3));
        var form = r.Chance(0.45);
        var pronoun = childFemale ? "unsere Tochter" : "unseren Sohn";
        var content = new LetterContent
        {
            Subject = form
                ? r.Pick("Anmeldung für einen Betreuungsplatz in einer Kindertageseinrichtung", "Vormerkung Kita-Platz", $"Anmeldung Kindertagesbetreuung {start.Year}/{(start.Year + 1) % 100:00}")
                : r.Pick($"Anmeldung von {child.FirstName} {child.LastName} für einen Kita-Platz", $"Kita-Platz ab {Formats.Numeric(start)}", "Anmeldung für einen Betreuungsplatz", $"Bedarfsanmeldung {(u3 ? "U3" : "Ü3")}-Platz", "Antrag auf einen Platz in der Kindertagespflege"),
            FormStyle = form,
        };
        if (r.Chance(0.2)) content.Ref("Vormerknummer Kita-Portal", $"KT-{c.Year}-{r.Digits(5)}");

        if (!form)
        {
            content.P(r.Pick(
                $"hiermit möchten wir {pronoun} {child.FirstName}, geboren am {c.DateText(born)}, ab dem {c.DateText(start)} für einen Betreuungsplatz anmelden.",
                $"für {pronoun} {child.FirstName} ({(childFemale ? "geb." : "geb.")} {Formats.Numeric(born)}) suchen wir ab {GermanData.Months[start.Month - 1]} {start.Year} einen Platz in einer Kindertageseinrichtung.",
                $"wir beantragen einen {(u3 ? "Krippenplatz (U3)" : "Kindergartenplatz (Ü3)")} für {pronoun} {child.FirstName} zum {c.DateText(start)}. Nach § 24 SGB VIII besteht ein Rechtsanspruch auf Förderung."));
            content.P($"{r.Pick($"Gewünscht ist ein Betreuungsumfang von {hours} Stunden pro Woche.", $"Wir benötigen eine Betreuung von {hours} Wochenstunden.", $"Benötigt wird ein {hours}-Stunden-Platz.", $"Die Betreuungszeit sollte {hours} Stunden wöchentlich umfassen.")} {(wishes.Count == 1 ? $"Unsere Wunscheinrichtung ist die {wishes[0]}" : $"Unsere Wunscheinrichtungen sind in dieser Reihenfolge: {string.Join(", ", wishes)}")}.");
        }
        else
        {
            content.Heading("Angaben zum Kind");
            content.Fields(
                "Name, Vorname".Is($"{child.LastName}, {child.FirstName}"),
                "Geburtsdatum".Is(Formats.Numeric(born)),
                "Geschlecht".Is(childFemale ? "weiblich" : "männlich"),
                "Betreuung gewünscht ab".Is(Formats.Numeric(start)),
                r.Pick("Betreuungsumfang", "Wochenstunden", "Betreuungszeit").Is($"{hours} Std./Woche"),
                "Einrichtungswünsche".Is(string.Join("; ", wishes.Select((w, i) => $"{i + 1}. {w}"))),
                "Geschwisterkind in Einrichtung".Is(r.Chance(0.25) ? $"ja, {r.Pick(GermanData.FemaleFirstNames.Concat(GermanData.MaleFirstNames).ToArray())} in der {r.Pick(KitaNames)}" : "nein"),
                "Besonderer Förderbedarf".Is(r.Chance(0.08) ? "ja, Bescheinigung liegt bei" : "nein"));
            content.Heading("Angaben zu den Sorgeberechtigten");
            var second = PartyFactory.NewPerson(r) with { LastName = r.Chance(0.7) ? parent.LastName : r.Pick(GermanData.LastNames) };
            content.Fields(
                "Sorgeberechtigte/r 1".Is($"{parent.FullName}, {r.Pick("berufstätig (Vollzeit)", "berufstätig (Teilzeit)", "in Ausbildung", "in Elternzeit bis " + Formats.Numeric(start.AddDays(-1)), "Studium")}"),
                "Sorgeberechtigte/r 2".Is(r.Chance(0.85) ? $"{second.FullName}, {r.Pick("berufstätig (Vollzeit)", "berufstätig (Teilzeit)", "selbständig", "arbeitsuchend")}" : "alleinerziehend"),
                "Anschrift".Is($"{c.Sender.Address.Street}, {c.Sender.Address.TownLine}"),
                "Telefon".Is(c.Sender.Phone ?? Formats.Mobile(r)),
                "E-Mail".Is(c.Sender.Email ?? ""));
        }
        content.Maybe(r, 0.55, () => r.Pick(
            $"Wir sind beide berufstätig; ich nehme meine Tätigkeit nach der Elternzeit zum {Formats.Numeric(start)} wieder auf. Eine Arbeitgeberbescheinigung liegt bei.",
            "Ich bin alleinerziehend und auf den Platz dringend angewiesen, um meine Ausbildung fortsetzen zu können.",
            $"{child.FirstName}s {(r.Chance(0.5) ? "Schwester" : "Bruder")} besucht bereits die {wishes[0]}; wir würden uns über einen Platz in derselben Einrichtung freuen.",
            $"Wir sind erst zum {Formats.Numeric(c.DaysBefore(10, 90))} nach {c.City.Town} gezogen und kennen die Einrichtungen noch nicht gut. Auch andere Kitas in {r.Pick(c.City.Districts)} kommen für uns infrage.",
            "Eine Betreuung bei einer Tagesmutter oder einem Tagesvater wäre für uns ebenfalls denkbar.",
            $"{child.FirstName} hat eine Nussallergie; ein ärztliches Attest reichen wir nach."));
        content.Maybe(r, 0.3, () => r.Pick(
            "Bitte senden Sie uns auch die Unterlagen zur Festsetzung des Elternbeitrags zu; unser Einkommen liegt monatlich bei etwa 4.200 € brutto.",
            "Über die Höhe des Elternbeitrags nach der Satzung bitten wir um einen Bescheid, sobald der Platz vergeben ist.",
            $"Wir bitten um eine schriftliche Bestätigung der Anmeldung, da wir den Rechtsanspruch fristgerecht (spätestens sechs Monate vorher) geltend machen."));
        if (c.Long)
        {
            content.P("Zu unserer Situation: Die Großeltern wohnen nicht in der Nähe und können die Betreuung nicht übernehmen. Beide Arbeitgeber haben flexible Arbeitszeiten ermöglicht, eine Betreuung am Vormittag ist aber unverzichtbar. Wir wären deshalb auch für einen Platz mit kürzerem Betreuungsumfang dankbar, falls ein 35-Stunden-Platz nicht verfügbar ist.");
            content.P("Im Falle einer Absage bitten wir um einen rechtsmittelfähigen Bescheid, damit wir unseren Anspruch weiter verfolgen können.");
        }
        if (!form) Phrases.AddCourtesy(c, content);
        if (r.Chance(0.35)) content.Enclosures.Add(r.Pick("Arbeitgeberbescheinigung", "Kopie der Geburtsurkunde", "Impfnachweis (Masernschutz)", "Meldebescheinigung"));
        return content;
    }
}
