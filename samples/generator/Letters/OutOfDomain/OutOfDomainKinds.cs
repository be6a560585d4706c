using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.OutOfDomain;

/// <summary>
/// Post a city receives that belongs to none of the twelve document types: adverts, private letters,
/// blank forms, newsletters, invitations and survey requests. They share the letter frame of the corpus
/// (sender, city-hall address, date, salutation, closing) and some of its vocabulary on purpose, so that
/// a detector cannot tell them apart by the frame alone. Never used for training; they measure whether
/// such post goes to verification. <see cref="DocumentTemplate.DepartmentCode"/> is empty: no department.
/// </summary>
public abstract class OutOfDomainKind : DocumentTemplate
{
    public sealed override string DepartmentCode => "";

    public sealed override string DepartmentName => "";

    /// <summary>The kinds in folder order.</summary>
    public static readonly IReadOnlyList<OutOfDomainKind> All =
        [new Werbung(), new Privatbrief(), new LeeresFormular(), new Newsletter(), new Einladung(), new Umfrage()];
}

/// <summary>Adverts and offers from firms: office supplies, cleaning, software, energy, tree care, catering.</summary>
public sealed class Werbung : OutOfDomainKind
{
    public override string Name => "Werbung";

    public override string[] OfficeNames => ["Einkauf", "Zentrale Vergabestelle", "Hauptamt", "Poststelle", "Leitung der Verwaltung", "Facility Management"];

    private static readonly (string Trade, string Product, string[] Points)[] Offers =
    [
        ("Bürobedarf", "unser neues Sortiment an Büromaterial",
            ["Kopierpapier in Recyclingqualität ab 3,49 € je Paket", "ergonomische Bürostühle mit fünf Jahren Garantie", "Lieferung innerhalb von 24 Stunden, ab 150 € versandkostenfrei"]),
        ("Gebäudereinigung", "unsere Unterhaltsreinigung für Verwaltungsgebäude",
            ["geschultes Personal mit festen Ansprechpartnern", "umweltfreundliche Reinigungsmittel", "Glas- und Fassadenreinigung aus einer Hand"]),
        ("Software", "unsere Cloud-Lösung für Terminvergabe und Besucherlenkung",
            ["Online-Buchung rund um die Uhr", "Aufrufanlage mit Wartenummern", "kostenlose Testphase über 30 Tage"]),
        ("Energie", "unseren Ökostromtarif für Gewerbe- und Kommunalkunden",
            ["100 % Strom aus erneuerbaren Quellen", "Preisgarantie über 24 Monate", "Wechselservice ohne Versorgungsunterbrechung"]),
        ("Baumpflege", "unsere Leistungen rund um Baumpflege und Grünflächen",
            ["Baumkontrollen nach FLL-Richtlinie", "Kronenpflege mit Hubarbeitsbühne", "Winterdienst für Parkplätze und Gehwege"]),
        ("Catering", "unser Catering für Empfänge, Sitzungen und Betriebsfeiern",
            ["regionale und saisonale Küche", "vegetarische und vegane Menüs", "Geschirr und Servicepersonal auf Wunsch"]),
        ("Druckerei", "unseren Druckservice für Broschüren, Plakate und Visitenkarten",
            ["Druck auf FSC-zertifiziertem Papier", "Expressproduktion in 48 Stunden", "kostenloser Datencheck vor dem Druck"]),
        ("Fahrzeughandel", "unsere Leasingangebote für Elektrofahrzeuge im kommunalen Fuhrpark",
            ["Kleintransporter und Pkw ab 249 € netto im Monat", "Ladeinfrastruktur inklusive Installation", "Wartung und Reifenservice im Paket"]),
    ];

    public override Party CreateSender(Rng rng, CityHall city)
    {
        var offer = rng.Pick(Offers);
        return PartyFactory.Company(rng, offer.Trade, [$"{offer.Trade} Direkt", $"{offer.Trade}-Service {city.Town}", $"Pro{offer.Trade}"]);
    }

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var offer = Offers.FirstOrDefault(o => c.Sender.Name.Contains(o.Trade, StringComparison.Ordinal));
        if (offer.Trade is null) offer = r.Pick(Offers);
        var discount = r.Between(10, 30);
        var content = new LetterContent
        {
            Subject = r.Pick(
                $"Exklusives Angebot: {discount} % Rabatt für Kommunen",
                $"Neu: {offer.Trade} für Ihre Verwaltung",
                "Ihr persönliches Angebot – nur bis zum " + Formats.Numeric(c.DaysAfter(14, 45)),
                $"Sparen Sie jetzt bei {offer.Trade}!",
                "Darf ich Ihnen unser Unternehmen vorstellen?"),
        };
        content.P(r.Pick(
            $"kennen Sie schon {offer.Product}? Als Partner zahlreicher Städte und Gemeinden wissen wir, worauf es im öffentlichen Dienst ankommt.",
            $"heute möchten wir Ihnen {offer.Product} vorstellen, das bereits über {r.Between(40, 300)} Kunden in ganz Deutschland überzeugt hat.",
            $"sicher suchen auch Sie nach Wegen, Kosten zu senken. Mit {offer.Product} gelingt das ohne Abstriche bei der Qualität.",
            $"wir freuen uns, Ihnen {offer.Product} zu besonders günstigen Konditionen anbieten zu können."));
        var points = r.Sample(offer.Points, r.Between(2, 3));
        var bullet = r.Pick("- ", "• ", "✓ ");
        content.Body.Add(new TextBlock(BlockKind.Paragraph, [r.Pick("Ihre Vorteile auf einen Blick:", "Das bieten wir Ihnen:", "Überzeugen Sie sich selbst:"), .. points.Select(p => bullet + p)]));
        content.P(r.Pick(
            $"Nur für kurze Zeit erhalten Neukunden {discount} % Rabatt auf die erste Bestellung. Geben Sie dazu einfach den Aktionscode {r.Letters(4)}{r.Digits(2)} an.",
            $"Bis zum {c.DateText(c.DaysAfter(20, 60))} gewähren wir Ihnen einen Einführungsrabatt von {discount} %.",
            $"Fordern Sie noch heute Ihr unverbindliches Angebot an – die Beratung ist selbstverständlich kostenlos.",
            "Gern stellen wir Ihnen unser Angebot in einem persönlichen Termin vor Ort vor."));
        content.Maybe(r, 0.5, () => r.Pick(
            "Selbstverständlich sind wir mit den Anforderungen öffentlicher Ausschreibungen vertraut und nennen Ihnen gern Referenzen.",
            "Über 95 % unserer Kunden empfehlen uns weiter.",
            "Weitere Informationen und unseren aktuellen Katalog finden Sie auf unserer Internetseite.",
            "Wenn Sie künftig keine Informationen mehr von uns erhalten möchten, genügt eine kurze Nachricht."));
        if (c.Long)
            content.P(r.Pick(
                "Seit unserer Gründung setzen wir auf Qualität, Zuverlässigkeit und faire Preise. Unser Team aus erfahrenen Fachkräften betreut Sie von der ersten Anfrage bis zur Abrechnung.",
                "Nachhaltigkeit ist für uns kein Schlagwort: Wir arbeiten klimaneutral und sind nach DIN EN ISO 14001 zertifiziert."));
        var contact = c.ContactSentence();
        if (contact is not null) content.P(contact);
        if (r.Chance(0.4)) content.Enclosures.Add(r.Pick("Produktkatalog", "Preisliste " + c.Year, "Antwortkarte", "Flyer"));
        return content;
    }
}

/// <summary>Personal letters that reached the city's mailroom: thanks, news, congratulations to a staff member.</summary>
public sealed class Privatbrief : OutOfDomainKind
{
    public override string Name => "Privatbrief";

    public override string[] OfficeNames => ["persönlich", "persönlich / vertraulich", "Bürgerbüro", "Hauptamt"];

    public override Party CreateSender(Rng rng, CityHall city) => PartyFactory.PrivatePerson(rng, city, 0.5);

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var friend = PartyFactory.NewPerson(r, 0.02);
        var dear = $"{(friend.Female ? "Liebe" : "Lieber")} {friend.FirstName},";
        var content = new LetterContent
        {
            Salutation = r.Pick(dear, dear, $"Hallo {friend.FirstName},", $"{(friend.Female ? "Liebe Frau" : "Lieber Herr")} {friend.LastName},"),
            Subject = r.Pick("Liebe Grüße", "Herzlichen Glückwunsch!", "Ein kleiner Gruß aus dem Urlaub", "Danke!", $"Für {friend.FirstName} – persönlich"),
            Closing = r.Pick("Herzliche Grüße", "Liebe Grüße", "Alles Liebe", "Bis bald und viele Grüße", "Dein " + c.Sender.Signer.FirstName),
        };
        switch (r.Between(0, 3))
        {
            case 0:
                content.P($"nun bist Du also seit {r.Between(20, 42)} Jahren dabei – herzlichen Glückwunsch zum Dienstjubiläum! Ich weiß noch genau, wie wir damals zusammen angefangen haben.");
                content.P(r.Pick("Lass Dich heute ordentlich feiern. Die Torte hast Du Dir verdient.", "Ich hoffe, Du hast noch ein paar ruhige Jahre vor Dir, bevor der Ruhestand ruft.", "Schade, dass ich bei der Feier nicht dabei sein kann."));
                break;
            case 1:
                content.P($"viele Grüße von der {r.Pick("Ostsee", "Nordsee", "Zugspitze", "Mosel", "Insel Rügen", "Algarve")}! Das Wetter ist {r.Pick("herrlich", "wechselhaft, aber schön", "besser als angekündigt")}, und wir genießen jeden Tag.");
                content.P(r.Pick("Gestern waren wir wandern und haben abends frischen Fisch gegessen.", "Die Kinder sind den ganzen Tag am Strand und wollen gar nicht mehr nach Hause.", "Das Hotel ist einfach, aber das Frühstück ist großartig."));
                break;
            case 2:
                content.P($"ich wollte mich noch einmal herzlich für Deine Hilfe beim Umzug bedanken. Ohne Dich hätten wir die Schränke nie in den dritten Stock bekommen.");
                content.P(r.Pick("Sobald die Kartons ausgepackt sind, laden wir Dich zum Essen ein.", "Die neue Wohnung ist wunderschön, Du musst uns bald besuchen.", "Die Katze hat sich auch schon eingelebt."));
                break;
            default:
                content.P($"zu Deinem {r.Between(30, 70)}. Geburtstag wünsche ich Dir alles Gute, Gesundheit und viele schöne Momente.");
                content.P(r.Pick("Ich hoffe, wir sehen uns bald wieder beim Stammtisch.", "Das Geschenk bringe ich beim nächsten Besuch mit.", "Wie geht es eigentlich Deiner Mutter? Grüß sie bitte herzlich von mir."));
                break;
        }
        content.Maybe(r, 0.5, () => r.Pick(
            "Ich habe den Brief ins Rathaus geschickt, weil ich Deine neue Privatadresse nicht habe.",
            "Bei uns zu Hause ist alles beim Alten; die Kinder werden nur immer größer.",
            "Ruf doch mal wieder an, wenn Du Zeit hast."));
        if (c.Long)
            content.P("Neulich habe ich alte Fotos durchgesehen und musste so lachen über unsere Frisuren von damals. Ich lege Dir ein paar Abzüge bei.");
        return content;
    }
}

/// <summary>Forms sent in without anything filled in: the labels are there, the values are blank lines.</summary>
public sealed class LeeresFormular : OutOfDomainKind
{
    public override string Name => "Leeres-Formular";

    public override string[] OfficeNames => ["Bürgerbüro", "Poststelle", "Bürgerservice"];

    private static readonly (string Title, string[] Labels)[] Forms =
    [
        ("Vollmacht", ["Vollmachtgeber (Name, Vorname)", "Geburtsdatum", "Anschrift", "Bevollmächtigte Person", "Umfang der Vollmacht", "Gültig bis"]),
        ("Mitgliedsantrag", ["Name", "Vorname", "Straße, Hausnummer", "PLZ, Ort", "Telefon", "E-Mail", "Beitragsart", "Eintritt zum"]),
        ("SEPA-Lastschriftmandat", ["Zahlungsempfänger", "Gläubiger-ID", "Mandatsreferenz", "Kontoinhaber", "IBAN", "BIC", "Kreditinstitut"]),
        ("Anmeldebogen Ferienfreizeit", ["Name des Kindes", "Geburtsdatum", "Allergien / Unverträglichkeiten", "Notfallkontakt", "Schwimmer ja/nein", "Krankenkasse"]),
        ("Kontaktdatenblatt", ["Firma / Name", "Ansprechpartner", "Straße", "PLZ, Ort", "Telefon", "Fax", "E-Mail", "Bemerkungen"]),
        ("Rückmeldebogen", ["Name", "Anzahl der Personen", "Teilnahme ja/nein", "Ernährungswunsch", "Ort, Datum"]),
    ];

    public override Party CreateSender(Rng rng, CityHall city) => PartyFactory.PrivatePerson(rng, city, 0.8);

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var form = r.Pick(Forms);
        var blank = () => r.Pick("____________________", "________________________________", "…………………………", "[ ]");
        var content = new LetterContent { Subject = form.Title, FormStyle = true };
        if (r.Chance(0.5)) content.Heading(r.Pick("Bitte in Druckbuchstaben ausfüllen", "Bitte vollständig ausfüllen", "Zutreffendes bitte ankreuzen"));
        content.Fields(form.Labels.Select(l => l.Is(blank())));
        if (r.Chance(0.5)) content.Fields("Ort, Datum".Is(blank()), "Unterschrift".Is(blank()));
        content.Maybe(r, 0.3, () => r.Pick("Seite 1 von 1", "Stand: " + Formats.Numeric(c.DaysBefore(100, 400)), "Formular-Nr. " + r.Digits(3) + "/" + r.Digits(2)));
        return content;
    }
}

/// <summary>Newsletters and member circulars of associations and firms.</summary>
public sealed class Newsletter : OutOfDomainKind
{
    public override string Name => "Newsletter";

    public override string[] OfficeNames => ["Presse- und Öffentlichkeitsarbeit", "Büro des Oberbürgermeisters", "Poststelle", "Kulturamt"];

    public override Party CreateSender(Rng rng, CityHall city) =>
        rng.Chance(0.6) ? PartyFactory.Association(rng, city, rng.Pick("citizens", "garden", "care")) : PartyFactory.Company(rng, "Stadtmarketing", ["Citymarketing", "Werbegemeinschaft Innenstadt"]);

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var issue = r.Between(1, 4);
        var content = new LetterContent
        {
            Subject = r.Pick($"Newsletter {issue}/{c.Year}", $"Rundbrief Nr. {r.Between(20, 140)}", $"Vereinsnachrichten {GermanData.Months[c.Date.Month - 1]} {c.Year}", $"Neuigkeiten aus {c.City.Town}"),
        };
        content.P(r.Pick(
            "in dieser Ausgabe berichten wir über die Ereignisse der letzten Monate und geben einen Ausblick auf die kommenden Termine.",
            "wieder ist ein Vierteljahr vergangen, und es gibt viel Neues zu berichten.",
            "mit diesem Rundbrief halten wir Mitglieder, Freunde und Partner über unsere Arbeit auf dem Laufenden."));
        var items = new List<(string, string)>
        {
            ("Rückblick", r.Pick("Das Frühlingsfest war mit über 400 Gästen ein voller Erfolg. Ein herzlicher Dank geht an alle Helferinnen und Helfer.",
                                 "Beim Aktionstag „Saubere Stadt“ haben 60 Freiwillige mehr als zwei Tonnen Müll gesammelt.",
                                 "Die Jahreshauptversammlung hat einen neuen Vorstand gewählt.")),
            ("Termine", $"Am {c.DateText(c.DaysAfter(10, 60))} findet unser {r.Pick("Sommerfest", "Flohmarkt", "Stammtisch", "Vortragsabend", "Laternenumzug")} statt. Beginn ist um {r.Between(14, 19)}:00 Uhr."),
            ("Mitglieder", r.Pick($"Wir begrüßen {r.Between(3, 25)} neue Mitglieder in unseren Reihen.", "Die Beiträge bleiben im kommenden Jahr unverändert.", "Wir gratulieren allen Jubilaren herzlich.")),
            ("In eigener Sache", r.Pick("Unsere Geschäftsstelle ist in den Ferien nur dienstags besetzt.", "Wir suchen Verstärkung für das Redaktionsteam.", "Spenden sind jederzeit willkommen und steuerlich absetzbar.")),
        };
        foreach (var (heading, text) in r.Sample(items, r.Between(2, 4)))
        {
            content.Heading(heading);
            content.P(text);
        }
        if (c.Long)
            content.P("Zum Schluss ein Hinweis: Fotos von allen Veranstaltungen finden Sie in unserem Archiv. Wer Bilder beisteuern möchte, meldet sich bitte bei der Redaktion.");
        content.Maybe(r, 0.4, () => "Sie erhalten diesen Rundbrief, weil Sie in unserem Verteiler eingetragen sind. Eine Abmeldung ist jederzeit möglich.");
        return content;
    }
}

/// <summary>Invitations to events, anniversaries and openings.</summary>
public sealed class Einladung : OutOfDomainKind
{
    public override string Name => "Einladung";

    public override string[] OfficeNames => ["Büro des Oberbürgermeisters", "Protokoll", "Hauptamt", "Kulturamt", "Ratsbüro"];

    public override Party CreateSender(Rng rng, CityHall city) => rng.Between(0, 2) switch
    {
        0 => PartyFactory.Association(rng, city, rng.Pick("citizens", "garden", "care")),
        1 => PartyFactory.Company(rng, rng.Pick("Autohaus", "Brauerei", "Bäckerei", "Maschinenbau"), ["Familienbetrieb seit 1925"]),
        _ => PartyFactory.PrivatePerson(rng, city, 0.9),
    };

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var when = c.DaysAfter(14, 70);
        var occasion = c.Sender.IsPerson
            ? r.Pick("unserer Goldenen Hochzeit", "meinem 80. Geburtstag", "der Einweihung unseres Gemeinschaftsgartens", "unserem Straßenfest")
            : r.Pick($"unserem {r.Pick("25", "50", "75", "100")}-jährigen Jubiläum", "der Eröffnung unseres neuen Standorts", "unserem Tag der offenen Tür", "unserem Sommerempfang", "der Fachtagung „Zukunft der Innenstadt“");
        var content = new LetterContent
        {
            Subject = r.Pick($"Einladung zu {occasion}", "Herzliche Einladung", $"Einladung – {Formats.Long(when)}", "Save the Date"),
        };
        content.P(r.Pick(
            $"wir freuen uns sehr, Sie zu {occasion} einladen zu dürfen.",
            $"zu {occasion} möchten wir Sie herzlich einladen.",
            $"es wäre uns eine große Freude, Sie bei {occasion} begrüßen zu dürfen."));
        content.Fields(
            "Datum".Is(Formats.Long(when)),
            "Beginn".Is($"{r.Between(10, 19)}:{r.Pick("00", "30")} Uhr"),
            "Ort".Is(r.Pick("Festsaal", "Vereinsheim", "Gemeindehaus", "Werkhalle", "Gaststätte „Zur Linde“") + ", " + r.Pick(GermanData.Streets) + " " + PartyFactory.HouseNumber(r)));
        content.P(r.Pick(
            "Nach einem kurzen Grußwort erwartet Sie ein kleiner Imbiss mit Getränken und Musik.",
            "Auf dem Programm stehen Führungen, Vorträge und ein gemeinsames Mittagessen.",
            "Für das leibliche Wohl ist gesorgt; Kinder sind herzlich willkommen."));
        content.P(r.Pick(
            $"Wir bitten um eine kurze Rückmeldung bis zum {Formats.Numeric(when.AddDays(-7))}.",
            "Um Antwort wird gebeten (u. A. w. g.).",
            "Über eine Zusage würden wir uns sehr freuen."));
        content.Maybe(r, 0.4, () => "Ein Grußwort des Oberbürgermeisters wäre uns eine besondere Ehre.");
        if (c.Long) content.P("Parkplätze stehen auf dem Gelände in ausreichender Zahl zur Verfügung. Die Veranstaltungsräume sind barrierefrei erreichbar.");
        if (r.Chance(0.3)) content.Enclosures.Add(r.Pick("Programm", "Anfahrtsskizze", "Antwortkarte"));
        return content;
    }
}

/// <summary>Requests to take part in surveys and studies (universities, institutes, students).</summary>
public sealed class Umfrage : OutOfDomainKind
{
    public override string Name => "Umfrage";

    public override string[] OfficeNames => ["Hauptamt", "Statistikstelle", "Organisationsamt", "Büro des Oberbürgermeisters", "Poststelle"];

    public override Party CreateSender(Rng rng, CityHall city) =>
        rng.Chance(0.6)
            ? PartyFactory.Company(rng, "Sozialforschung", [$"Institut für Verwaltungsforschung {rng.Pick(GermanData.Places).Town}", "Markt- und Meinungsforschung"])
            : PartyFactory.PrivatePerson(rng, city, 0.3);

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var topic = r.Pick("die Digitalisierung der Kommunalverwaltung", "Fachkräftemangel im öffentlichen Dienst", "Bürgerbeteiligung in mittelgroßen Städten",
            "Homeoffice in Behörden", "die Nutzung kommunaler Online-Dienste", "Klimaschutzkonzepte der Kommunen");
        var content = new LetterContent
        {
            Subject = r.Pick($"Bitte um Teilnahme an einer Befragung zu {topic}", "Wissenschaftliche Umfrage – Ihre Meinung ist gefragt", $"Studie: {topic}", "Fragebogen zur Masterarbeit"),
        };
        content.P(c.Sender.IsPerson
            ? $"ich studiere {r.Pick("Verwaltungswissenschaften", "Soziologie", "Public Management", "Politikwissenschaft")} an der Universität {r.Pick("Potsdam", "Kassel", "Speyer", "Konstanz", "Münster")} und schreibe meine Abschlussarbeit über {topic}."
            : $"im Auftrag {r.Pick("eines Bundesministeriums", "einer Stiftung", "des Städtetags")} untersuchen wir {topic}.");
        content.P(r.Pick(
            $"Dazu bitten wir Sie, einen Fragebogen mit {r.Between(12, 40)} Fragen auszufüllen. Das dauert etwa {r.Between(10, 25)} Minuten.",
            "Die Befragung ist anonym; Rückschlüsse auf einzelne Personen oder Kommunen sind nicht möglich.",
            $"Den Fragebogen finden Sie online unter dem Zugangscode {r.Letters(3)}-{r.Digits(4)}."));
        content.P(r.Pick(
            $"Die Teilnahme ist freiwillig. Wir würden uns freuen, wenn Sie bis zum {c.DateText(c.DaysAfter(14, 40))} antworten.",
            "Als Dankeschön senden wir Ihnen die Ergebnisse der Studie nach Abschluss gern zu.",
            "Die Daten werden ausschließlich zu wissenschaftlichen Zwecken ausgewertet und nach Abschluss des Projekts gelöscht."));
        content.Maybe(r, 0.5, () => c.ContactSentence() ?? "Für Rückfragen stehen wir gern zur Verfügung.");
        if (c.Long) content.P("Die Ergebnisse sollen helfen, Verwaltungen besser auszustatten und Beispiele guter Praxis bekannt zu machen. Je mehr Kommunen teilnehmen, desto aussagekräftiger werden die Ergebnisse.");
        if (r.Chance(0.4)) content.Enclosures.Add(r.Pick("Fragebogen", "Datenschutzhinweise", "frankierter Rückumschlag"));
        return content;
    }
}
