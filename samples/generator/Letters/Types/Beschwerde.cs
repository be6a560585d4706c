using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Complaints about services, staff, streets, noise or unanswered letters → 10 Hauptamt.</summary>
public sealed class Beschwerde : DocumentTemplate
{
    public override string Name => "Beschwerde";
    public override string DepartmentCode => "10";
    public override string DepartmentName => "Hauptamt";

    public override string[] OfficeNames =>
        ["Hauptamt", "Beschwerdemanagement", "Büro des Oberbürgermeisters", "Ideen- und Beschwerdemanagement", "Hauptamt – Bürgeranliegen", "Bürgerbeauftragte"];

    public override Party CreateSender(Rng rng, CityHall city) =>
        rng.Chance(0.8) ? PartyFactory.PrivatePerson(rng, city, 0.95) : PartyFactory.Association(rng, city, "citizens");

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var when = c.DaysBefore(2, 40);
        var (topic, paragraphs) = r.Between(0, 8) switch
        {
            0 => WaitingTime(c, when),
            1 => Unanswered(c, when),
            2 => Staff(c, when),
            3 => Street(c, when),
            4 => Litter(c, when),
            5 => Noise(c, when),
            6 => Parking(c, when),
            7 => Playground(c, when),
            _ => OnlineService(c, when),
        };
        var subject = r.Between(0, 4) switch
        {
            0 => $"Beschwerde über {topic}",
            1 => $"Beschwerde – {topic}",
            2 => $"Beanstandung: {topic}",
            3 => r.Chance(0.5) ? $"Dienstaufsichtsbeschwerde wegen {topic}" : $"Beschwerde wegen {topic}",
            _ => $"Meine Beschwerde vom {c.DateText(c.DaysBefore(20, 60))} – erneute Beschwerde über {topic}",
        };
        var content = new LetterContent { Subject = subject };
        if (r.Chance(0.25)) content.Ref("Ihr Aktenzeichen", c.Az(r.Pick("10", "10", "32", "66", "50", "63")));
        content.P(r.Pick(
            $"hiermit möchte{c.I(" ich", "n wir")} mich über {topic} beschweren.",
            $"leider sehe{c.I(" ich", "n wir")} {c.I("mich", "uns")} gezwungen, {c.I("mich", "uns")} schriftlich über {topic} zu beschweren.",
            $"ich wende mich heute an Sie, weil ich mit {topic} sehr unzufrieden bin.".Replace("ich wende mich", c.I("ich wende mich", "wir wenden uns"), StringComparison.Ordinal).Replace("ich mit", c.I("ich mit", "wir mit"), StringComparison.Ordinal).Replace("bin.", c.I("bin.", "sind."), StringComparison.Ordinal),
            $"mit diesem Schreiben lege{c.I(" ich", "n wir")} Beschwerde über {topic} ein."));
        foreach (var p in paragraphs) content.P(p);
        if (c.Long || r.Chance(0.3))
            content.P(r.Pick(
                $"Ich bin seit vielen Jahren {(c.Sender.Signer.Female ? "Bürgerin" : "Bürger")} dieser Stadt und habe bisher immer Verständnis für Engpässe gehabt. Was ich jedoch in den letzten Wochen erlebt habe, geht über das Zumutbare hinaus.",
                "Mir ist bewusst, dass die Verwaltung unter Personalmangel leidet. Dennoch erwarte ich, dass Anliegen innerhalb einer angemessenen Frist bearbeitet werden und man als Bürger zumindest eine Rückmeldung erhält.",
                "Ich habe mich vorab bereits telefonisch an die Zentrale gewandt, wurde aber mehrfach weiterverbunden, ohne dass sich jemand zuständig fühlte.",
                "Nachbarn haben mir bestätigt, dass sie ähnliche Erfahrungen gemacht haben. Es handelt sich also nicht um einen Einzelfall."));
        content.P(r.Pick(
            $"{c.I("Ich bitte", "Wir bitten")} Sie, den Vorgang zu prüfen und {c.I("mir", "uns")} innerhalb von {r.Pick("zwei", "drei", "vier")} Wochen eine schriftliche Stellungnahme zukommen zu lassen.",
            $"{c.I("Ich erwarte", "Wir erwarten")} eine Erklärung, wie es dazu kommen konnte, und was die Stadt unternimmt, damit sich das nicht wiederholt.",
            $"Bitte sorgen Sie für Abhilfe und teilen Sie {c.I("mir", "uns")} mit, bis wann mit einer Lösung zu rechnen ist.",
            $"{c.I("Ich bitte", "Wir bitten")} um Prüfung und um eine Antwort bis zum {Formats.Numeric(c.DaysAfter(14, 30))}."));
        content.Maybe(r, 0.2, () => r.Pick(
            "Sollte ich keine Antwort erhalten, werde ich mich an den Petitionsausschuss des Rates wenden.",
            "Eine Kopie dieses Schreibens geht an die Fraktionen im Stadtrat.",
            "Ich behalte mir vor, die Angelegenheit der Lokalpresse zu schildern."));
        Phrases.AddCourtesy(c, content);
        if (r.Chance(0.2)) content.Enclosures.Add(r.Pick("Fotos (3 Blatt)", "Kopie meines Schreibens vom " + Formats.Numeric(c.DaysBefore(30, 80)), "Terminbestätigung", "Kopie der E-Mail-Korrespondenz"));
        return content;
    }

    private static (string, string[]) WaitingTime(LetterContext c, DateOnly when)
    {
        var r = c.Rng;
        var matter = r.Pick("einen neuen Personalausweis", "einen Reisepass für meine Tochter", "die Ummeldung meines Wohnsitzes", "eine Meldebescheinigung", "ein Führungszeugnis");
        return ("die Wartezeiten im Bürgerbüro", [
            $"Am {c.DateText(when)} hatte ich um {r.Between(8, 15)}:{r.Pick("00", "15", "30", "45")} Uhr einen Termin im Bürgerbüro, um {matter} zu beantragen. Trotz Termin musste ich über {r.Between(2, 4)} Stunden warten.",
            r.Pick($"Der nächste freie Online-Termin war erst in {r.Between(5, 11)} Wochen verfügbar. Für Berufstätige ist das nicht hinnehmbar.",
                   "Am Schalter wurde mir dann mitgeteilt, dass ein Formular fehle, obwohl auf Ihrer Internetseite davon keine Rede ist. Ich musste einen neuen Termin vereinbaren.",
                   $"Während der Wartezeit waren von {r.Between(6, 10)} Schaltern nur {r.Between(1, 2)} besetzt."),
        ]);
    }

    private static (string, string[]) Unanswered(LetterContext c, DateOnly when)
    {
        var r = c.Rng;
        var matter = r.Pick("meinen Wohngeldantrag", "meinen Bauantrag für einen Carport", "die Anmeldung meines Sohnes für einen Kita-Platz", "meinen Antrag auf Erlass der Hundesteuer", "meinen Widerspruch gegen den Gebührenbescheid", "meinen Antrag auf eine Baumfällgenehmigung");
        return ("die ausbleibende Bearbeitung meines Anliegens", [
            $"Am {c.DateText(c.DaysBefore(60, 150))} habe ich {matter} eingereicht. Bis heute habe ich weder eine Eingangsbestätigung noch einen Bescheid erhalten.",
            $"Auf meine E-Mails vom {c.DateText(c.DaysBefore(30, 50))} und vom {c.DateText(when)} hat niemand reagiert. Telefonisch ist die zuständige Stelle nicht erreichbar.",
            r.Pick("Ich verstehe nicht, warum eine einfache Sachstandsanfrage unbeantwortet bleibt.", "Inzwischen sind alle gesetzlichen Fristen verstrichen, ohne dass etwas passiert ist.", "Mir entstehen durch die Verzögerung inzwischen finanzielle Nachteile."),
        ]);
    }

    private static (string, string[]) Staff(LetterContext c, DateOnly when)
    {
        var r = c.Rng;
        var place = r.Pick("im Bürgeramt", "an der Information im Rathaus", "in der Kfz-Zulassungsstelle", "am Telefon der Servicezentrale", "im Standesamt");
        return (r.Pick("das Verhalten einer Mitarbeiterin ", "das Verhalten eines Mitarbeiters ") + place, [
            $"Am {c.DateText(when)} war ich {place}. Die Person am Schalter war ausgesprochen unfreundlich, hat mich mehrfach unterbrochen und mir schließlich erklärt, ich solle \"nicht so viele Fragen stellen\".",
            r.Pick("Ich bin selbstverständlich bereit, Regeln einzuhalten, erwarte aber einen respektvollen Umgang.", "Andere Wartende haben die Situation ebenfalls als unangemessen empfunden.", "Den Namen der Person kenne ich nicht; ich war gegen 10:30 Uhr an Platz 4."),
        ]);
    }

    private static (string, string[]) Street(LetterContext c, DateOnly when)
    {
        var r = c.Rng;
        var street = r.Pick(GermanData.Streets);
        return (r.Pick($"den Zustand der {street}", $"die defekte Straßenbeleuchtung in der {street}", $"Schlaglöcher in der {street}"), [
            $"Bereits seit {r.Pick("Monaten", "mehreren Wochen", "dem letzten Winter")} ist die {street} in {c.City.Town}-{r.Pick(c.City.Districts)} in einem schlechten Zustand. {r.Pick("Mehrere Laternen sind ausgefallen, abends ist der Gehweg völlig dunkel.", "Die Schlaglöcher sind inzwischen so tief, dass Radfahrer stürzen.", "Der Gehweg ist durch Baumwurzeln angehoben und für Rollatoren kaum passierbar.")}",
            $"Ich habe den Schaden bereits am {c.DateText(when)} über den Mängelmelder gemeldet. Geschehen ist nichts.",
        ]);
    }

    private static (string, string[]) Litter(LetterContext c, DateOnly when)
    {
        var r = c.Rng;
        var place = r.Pick("am Glascontainer", "an der Bushaltestelle", "im Stadtpark", "am Wertstoffhof", "auf dem Parkplatz am Friedhof");
        return ($"Müll und illegale Ablagerungen {place}", [
            $"{place[0].ToString().ToUpperInvariant() + place[1..]} in {r.Pick(c.City.Districts)} werden seit Wochen Sperrmüll, Altreifen und Säcke abgeladen. Zuletzt habe ich das am {c.DateText(when)} fotografiert.",
            r.Pick("Der Geruch ist im Sommer unerträglich, und es zieht Ratten an.", "Kinder spielen in unmittelbarer Nähe.", "Die Abholung erfolgt offenbar nur unregelmäßig."),
        ]);
    }

    private static (string, string[]) Noise(LetterContext c, DateOnly when)
    {
        var r = c.Rng;
        return ("Lärm durch eine Baustelle am Wochenende", [
            $"Auf dem Grundstück {r.Pick(GermanData.Streets)} {PartyFactory.HouseNumber(r)} wird seit dem {c.DateText(c.DaysBefore(20, 60))} auch samstags und sonntags mit schwerem Gerät gearbeitet, teilweise schon ab 6:30 Uhr.",
            $"Ich habe das Ordnungsamt am {c.DateText(when)} informiert, erhielt aber nur die Auskunft, man sei nicht zuständig. {r.Pick("Ich bitte um Prüfung, ob für die Arbeiten eine Genehmigung vorliegt.", "Offenbar wurden dort auch Bäume ohne Genehmigung gefällt.", "Die Ruhezeiten werden regelmäßig missachtet.")}",
        ]);
    }

    private static (string, string[]) Parking(LetterContext c, DateOnly when)
    {
        var r = c.Rng;
        return ("die Parkraumüberwachung in meinem Wohngebiet", [
            $"In der {r.Pick(GermanData.Streets)} werden Anwohner regelmäßig verwarnt, während Falschparker vor der Schule nie kontrolliert werden. Am {c.DateText(when)} erhielt ich ein Verwarnungsgeld, obwohl mein Bewohnerparkausweis sichtbar auslag.",
            "Ich halte diese Praxis für willkürlich und bitte um eine Überprüfung der Einsatzplanung.",
        ]);
    }

    private static (string, string[]) Playground(LetterContext c, DateOnly when)
    {
        var r = c.Rng;
        return ($"den Zustand des Spielplatzes {r.Pick("am Stadtpark", "an der " + r.Pick(GermanData.Streets), "im Neubaugebiet")}", [
            $"Bei einem Besuch am {c.DateText(when)} habe ich festgestellt, dass {r.Pick("die Schaukel seit Monaten abgesperrt ist", "Glasscherben im Sandkasten liegen", "das Klettergerüst morsche Holzbalken hat")}.",
            $"Als {(c.Sender.Signer.Female ? "Mutter" : "Vater")} zweier kleiner Kinder mache ich mir ernsthafte Sorgen um die Sicherheit.",
        ]);
    }

    private static (string, string[]) OnlineService(LetterContext c, DateOnly when)
    {
        var r = c.Rng;
        return ("das Online-Serviceportal der Stadt", [
            $"Seit dem {c.DateText(when)} versuche ich, {r.Pick("einen Bewohnerparkausweis", "eine Geburtsurkunde", "einen Termin beim Bürgeramt", "die Hundesteuer-Abmeldung")} online zu beantragen. Das Formular bricht jedes Mal beim Hochladen der Nachweise ab.",
            r.Pick("Die angegebene Hotline ist nur vormittags erreichbar und ständig besetzt.", "Eine Fehlermeldung mit Vorgangsnummer wird nicht angezeigt.", "Auf meine Meldung über das Kontaktformular kam nur eine automatische Antwort."),
        ]);
    }
}
