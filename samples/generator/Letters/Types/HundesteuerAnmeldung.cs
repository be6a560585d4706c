using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters.Types;

/// <summary>Registering a dog for dog tax, as a form or a letter → 22 Steueramt.</summary>
public sealed class HundesteuerAnmeldung : DocumentTemplate
{
    public override string Name => "Hundesteuer-Anmeldung";
    public override string DepartmentCode => "22";
    public override string DepartmentName => "Steueramt";

    public override string[] OfficeNames =>
        ["Steueramt", "Steueramt – Hundesteuer", "Abteilung Steuern und Abgaben", "Fachbereich Finanzen – Steuern", "Steuerabteilung"];

    private static readonly string[] Breeds =
    [
        "Labrador Retriever", "Golden Retriever", "Deutscher Schäferhund", "Dackel (Rauhaar)", "Mischling", "Mischling", "Mischling",
        "Border Collie", "Beagle", "Jack Russell Terrier", "Französische Bulldogge", "Australian Shepherd", "Zwergpudel",
        "Chihuahua", "Berner Sennenhund", "Magyar Vizsla", "Rhodesian Ridgeback", "Boxer", "Havaneser", "Malteser", "Cocker Spaniel",
    ];

    private static readonly string[] DogNames =
        ["Bello", "Luna", "Balu", "Emma", "Paul", "Nala", "Sammy", "Bruno", "Frieda", "Lotte", "Charly", "Amy", "Rocky", "Kira", "Max", "Lucy", "Oskar", "Mila", "Buddy", "Sina"];

    private static readonly string[] Colours =
        ["schwarz", "braun", "blond", "schwarz-weiß", "beige", "grau gestromt", "rotbraun", "tricolor", "weiß", "braun mit weißer Brust"];

    public override Party CreateSender(Rng rng, CityHall city) => PartyFactory.PrivatePerson(rng, city, 0.97);

    public override LetterContent Compose(LetterContext c)
    {
        var r = c.Rng;
        var dogs = r.Chance(0.12) ? 2 : 1;
        var since = c.DaysBefore(3, 40);
        var form = r.Chance(0.5);
        var reason = r.Pick("Kauf vom Züchter", "Übernahme aus dem Tierheim", "Zuzug aus einer anderen Gemeinde", "Übernahme von Angehörigen", "Geburt im eigenen Haushalt", "Tierschutzverein (Auslandstierschutz)");
        var content = new LetterContent
        {
            Subject = form
                ? r.Pick("Anmeldung eines Hundes zur Hundesteuer", "Hundesteuer – Anmeldung", "Anmeldung zur Hundesteuer nach der Hundesteuersatzung")
                : r.Pick("Anmeldung meines Hundes", "Hundesteuer: Anmeldung eines Hundes", "Anmeldung Hundehaltung", $"Anmeldung unseres Hundes zum {Formats.Numeric(since)}"),
            FormStyle = form,
        };
        if (r.Chance(0.3)) content.Ref("Kassenzeichen", Formats.Kassenzeichen(r, c.Year));
        if (r.Chance(0.15)) content.Ref("Steuernummer Hundesteuer", $"22.{r.Digits(3)}.{r.Digits(4)}");

        var person = c.Sender.Signer;
        var dogFields = new List<List<Field>>();
        for (var i = 0; i < dogs; i++)
        {
            var born = since.AddDays(-r.Between(60, 3000));
            dogFields.Add([
                r.Pick("Name des Hundes", "Rufname", "Name").Is(r.Pick(DogNames)),
                r.Pick("Rasse", "Hunderasse", "Rasse / Mischling").Is(r.Pick(Breeds)),
                r.Pick("Farbe", "Fellfarbe").Is(r.Sometimes(0.7, r.Pick(Colours))),
                "Geschlecht".Is(r.Sometimes(0.8, r.Pick("Rüde", "Hündin", "Rüde (kastriert)", "Hündin (kastriert)"))),
                r.Pick("Wurfdatum", "geboren", "Geburtsdatum des Hundes", "Alter").Is(r.Chance(0.8) ? Formats.Numeric(born) : $"ca. {born.Year}"),
                r.Pick("Gehalten seit", "im Haushalt seit", "Beginn der Haltung").Is(Formats.Numeric(since)),
                r.Pick("Transponder/Chip-Nr.", "Chipnummer", "Kennzeichnung (Mikrochip)").Is(r.Sometimes(0.75, "276" + r.Digits(12))),
                "Herkunft".Is(r.Sometimes(0.6, reason)),
            ]);
        }

        if (form)
        {
            content.Heading("1. Angaben zur Halterin / zum Halter");
            content.Fields(
                "Name, Vorname".Is($"{person.LastName}, {person.FirstName}"),
                "Geburtsdatum".Is(Formats.Numeric(new DateOnly(r.Between(1945, 2004), r.Between(1, 12), r.Between(1, 28)))),
                "Anschrift".Is($"{c.Sender.Address.Street}, {c.Sender.Address.TownLine}"),
                "Telefon".Is(c.Sender.Phone ?? ""),
                "E-Mail".Is(c.Sender.Email ?? ""));
            for (var i = 0; i < dogs; i++)
            {
                content.Heading(dogs == 1 ? "2. Angaben zum Hund" : $"2.{i + 1} Angaben zum {(i == 0 ? "ersten" : "zweiten")} Hund");
                content.Fields(dogFields[i]);
            }
            content.Heading("3. Weitere Angaben");
            content.Fields(
                "Gefährlicher Hund / Listenhund".Is(r.Chance(0.95) ? "[ ] ja   [X] nein" : "[X] ja   [ ] nein"),
                "Weitere Hunde im Haushalt".Is(dogs > 1 ? "ja, siehe oben" : r.Pick("nein", "nein", "ja, bereits angemeldet")),
                "Steuerermäßigung beantragt".Is(r.Chance(0.15) ? r.Pick("ja (Bezug von Bürgergeld, Bescheid liegt bei)", "ja (Blindenführhund)", "ja (Rettungshund, Prüfung bestanden)") : "nein"),
                "Vorherige Gemeinde".Is(reason.StartsWith("Zuzug", StringComparison.Ordinal) ? $"{r.Pick(GermanData.Places).Town}, dort abgemeldet zum {Formats.Numeric(since.AddDays(-1))}" : ""));
            if (r.Chance(0.6))
            {
                content.Heading("4. SEPA-Lastschriftmandat");
                content.P($"Ich ermächtige die Stadt {c.City.Town}, die Hundesteuer von meinem Konto mittels Lastschrift einzuziehen.");
                content.Fields("Kontoinhaber".Is(person.FullName), "IBAN".Is(c.Sender.Iban), "Kreditinstitut".Is(c.Sender.Bank.Name));
            }
            if (r.Chance(0.5)) content.P("Ich versichere, dass die Angaben richtig und vollständig sind. Änderungen (Abgabe, Tod des Hundes, Umzug) zeige ich innerhalb von zwei Wochen an.");
        }
        else
        {
            content.P(r.Pick(
                $"hiermit melde ich {(dogs == 1 ? "meinen Hund" : "meine beiden Hunde")} zur Hundesteuer an. {(dogs == 1 ? "Der Hund lebt" : "Die Hunde leben")} seit dem {c.DateText(since)} in meinem Haushalt.",
                $"seit dem {c.DateText(since)} halten wir einen Hund und möchten ihn fristgerecht zur Hundesteuer anmelden.",
                $"wie in Ihrer Satzung vorgesehen, zeige ich Ihnen die Aufnahme eines Hundes in meinen Haushalt an ({reason})."));
            for (var i = 0; i < dogs; i++) content.Fields(dogFields[i]);
            content.Maybe(r, 0.4, () => r.Pick(
                $"Bis zum Umzug nach {c.City.Town} war der Hund in {r.Pick(GermanData.Places).Town} gemeldet; die Abmeldebestätigung füge ich bei.",
                "Es handelt sich nicht um einen gefährlichen Hund im Sinne der Hundeverordnung.",
                "Ich beziehe Leistungen nach dem SGB II und beantrage deshalb die Ermäßigung der Steuer; eine Kopie des Bescheids liegt bei.",
                "Eine Haftpflichtversicherung für den Hund besteht bei der " + r.Pick("Allianz", "HUK-Coburg", "R+V", "Gothaer") + "."));
            content.P(r.Pick(
                "Bitte senden Sie mir die Steuermarke und den Steuerbescheid an die oben genannte Anschrift.",
                $"Die Hundesteuer kann per SEPA-Lastschrift von meinem Konto {c.Sender.Iban} eingezogen werden.",
                "Für die Zusendung der Hundesteuermarke bedanke ich mich im Voraus.",
                "Bitte teilen Sie mir das Kassenzeichen mit, damit ich die Steuer überweisen kann."));
            Phrases.AddCourtesy(c, content);
        }
        if (r.Chance(0.3)) content.Enclosures.Add(r.Pick("Kopie des Heimtierausweises", "Abgabevertrag des Tierheims", "Abmeldebescheinigung der früheren Gemeinde", "Kopie des Bürgergeldbescheids", "Kaufvertrag"));
        return content;
    }
}
