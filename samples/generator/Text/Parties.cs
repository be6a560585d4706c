namespace ScanPipeline.SampleGenerator.Text;

public enum PartyKind { Person, Company, LawFirm, Association, PropertyManager, Architect }

public sealed record Person(string FirstName, string LastName, bool Female, string? Title)
{
    public string FullName => Title is null ? $"{FirstName} {LastName}" : $"{Title} {FirstName} {LastName}";

    /// <summary>"Frau Dr. Müller" / "Herr Schmidt".</summary>
    public string Addressed => (Female ? "Frau " : "Herrn ") + (Title is null ? LastName : $"{Title} {LastName}");

    public string Salutation => (Female ? "Sehr geehrte Frau " : "Sehr geehrter Herr ") + (Title is null ? LastName : $"{Title} {LastName}");
}

public sealed record Address(string Street, string Postcode, string Town, string AreaCode, string PlateCode)
{
    public string TownLine => $"{Postcode} {Town}";
}

/// <summary>Who writes the letter: a private person or an organisation with a person who signs.</summary>
public sealed record Party(
    PartyKind Kind,
    string? OrganisationName,
    Person Signer,
    string? SignerRole,
    Address Address,
    string? Phone,
    string? Email,
    Bank Bank,
    string Iban,
    string? VatId,
    string? Register,
    string? Tagline)
{
    public bool IsPerson => Kind == PartyKind.Person;

    /// <summary>The name at the top of the sender block.</summary>
    public string Name => OrganisationName ?? Signer.FullName;
}

/// <summary>Makes varied senders. Everyone here is fictitious.</summary>
public static class PartyFactory
{
    public static Person NewPerson(Rng rng, double titleChance = 0.06)
    {
        var female = rng.Chance(0.5);
        var first = rng.Pick(female ? GermanData.FemaleFirstNames : GermanData.MaleFirstNames);
        if (rng.Chance(0.08)) first += "-" + rng.Pick(female ? GermanData.FemaleFirstNames : GermanData.MaleFirstNames);
        var last = rng.Pick(GermanData.LastNames);
        if (rng.Chance(0.05)) last += "-" + rng.Pick(GermanData.LastNames);
        var title = rng.Chance(titleChance) ? rng.Pick(GermanData.AcademicTitles) : null;
        return new Person(first, last, female, title);
    }

    public static Address LocalAddress(Rng rng, CityHall city) =>
        new($"{rng.Pick(GermanData.Streets)} {HouseNumber(rng)}", rng.Pick(city.ResidentPostcodes), city.Town, city.AreaCode, city.PlateCode);

    public static Address AnyAddress(Rng rng, bool business = false)
    {
        var place = rng.Pick(GermanData.Places);
        var street = business && rng.Chance(0.7) ? rng.Pick(GermanData.BusinessStreets) : rng.Pick(GermanData.Streets);
        return new($"{street} {HouseNumber(rng)}", place.Postcode, place.Town, place.AreaCode, place.PlateCode);
    }

    public static string HouseNumber(Rng rng) =>
        rng.Between(1, rng.Chance(0.7) ? 60 : 180) + (rng.Chance(0.12) ? rng.Pick("a", "b", "c") : "");

    public static Party PrivatePerson(Rng rng, CityHall city, double localChance = 0.85)
    {
        var person = NewPerson(rng);
        var address = rng.Chance(localChance) ? LocalAddress(rng, city) : AnyAddress(rng);
        var phone = rng.Chance(0.6) ? (rng.Chance(0.5) ? Formats.Mobile(rng) : Formats.Phone(rng, address.AreaCode)) : null;
        var email = rng.Chance(0.45) ? MailAddress(rng, person) : null;
        var bank = rng.Pick(GermanData.Banks);
        return new Party(PartyKind.Person, null, person, null, address, phone, email, bank, Formats.Iban(rng, bank), null, null, null);
    }

    public static Party Company(Rng rng, string trade, string[] nameSuffixes)
    {
        var owner = rng.Pick(GermanData.LastNames);
        var address = AnyAddress(rng, business: true);
        var legal = rng.Pick("GmbH", "GmbH", "GmbH & Co. KG", "e. K.", "OHG", "AG", "UG (haftungsbeschränkt)");
        var name = rng.Between(0, 3) switch
        {
            0 => $"{owner} {trade} {legal}",
            1 => $"{trade} {owner} {legal}",
            2 => $"{owner} & {rng.Pick(GermanData.LastNames)} {trade} {legal}",
            _ => $"{rng.Pick(nameSuffixes)} {legal}",
        };
        var signer = NewPerson(rng, 0.04);
        var bank = rng.Pick(GermanData.Banks);
        var register = legal.StartsWith("GmbH", StringComparison.Ordinal) || legal.StartsWith("UG", StringComparison.Ordinal) || legal == "AG"
            ? $"Amtsgericht {address.Town}, HRB {rng.Between(1000, 99999)}"
            : $"Amtsgericht {address.Town}, HRA {rng.Between(100, 9999)}";
        return new Party(PartyKind.Company, name, signer, rng.Pick("Buchhaltung", "Geschäftsführung", "Debitorenbuchhaltung", "Vertrieb", "Inhaber", "Projektleitung"),
            address, Formats.Switchboard(rng, address.AreaCode),
            $"{rng.Pick("info", "rechnung", "buchhaltung", "kontakt", "office")}@{Slug(owner)}-{Slug(trade)}.de",
            bank, Formats.Iban(rng, bank), Formats.VatId(rng), register, rng.Chance(0.5) ? TaglineFor(rng, trade) : null);
    }

    public static Party LawFirm(Rng rng)
    {
        var a = rng.Pick(GermanData.LastNames);
        var b = rng.Pick(GermanData.LastNames);
        var name = rng.Between(0, 3) switch
        {
            0 => $"Rechtsanwälte {a} & {b}",
            1 => $"Kanzlei {a} {b} Partnerschaft mbB",
            2 => $"Dr. {a} & Kollegen Rechtsanwälte",
            _ => $"{a} Rechtsanwälte",
        };
        var lawyer = NewPerson(rng, 0.3);
        var address = AnyAddress(rng, business: false);
        var bank = rng.Pick(GermanData.Banks);
        var role = rng.Pick("Rechtsanwalt", "Fachanwalt für Verwaltungsrecht", "Fachanwalt für Verkehrsrecht", "Rechtsanwalt", "Fachanwalt für Sozialrecht");
        if (lawyer.Female) role = role.Replace("anwalt", "anwältin", StringComparison.Ordinal);
        return new Party(PartyKind.LawFirm, name, lawyer, role, address, Formats.Switchboard(rng, address.AreaCode),
            $"kanzlei@{Slug(a)}-recht.de", bank, Formats.Iban(rng, bank), null, null,
            rng.Chance(0.5) ? rng.Pick("Verwaltungsrecht · Baurecht · Verkehrsrecht", "Sozialrecht · Familienrecht", "Ihre Kanzlei in " + address.Town) : null);
    }

    public static Party Association(Rng rng, CityHall city, string kind)
    {
        var district = rng.Pick(city.Districts);
        var name = kind switch
        {
            "tenants" => $"Mieterverein {city.Town} e. V.",
            "care" => rng.Pick($"Betreuungsverein {city.Town} e. V.", "Caritasverband " + city.Town + " e. V.", "Diakonisches Werk " + city.Town),
            "garden" => rng.Pick($"Kleingartenverein {district} e. V.", $"Naturschutzbund Ortsgruppe {city.Town}", $"Verschönerungsverein {district} e. V."),
            _ => rng.Pick($"Bürgerverein {district} e. V.", $"Interessengemeinschaft {district}", $"SV {district} 1919 e. V.", $"Seniorenbeirat {district}", $"Elterninitiative {district} e. V."),
        };
        var signer = NewPerson(rng, 0.05);
        var address = LocalAddress(rng, city);
        var bank = rng.Pick(GermanData.Banks);
        var role = rng.Pick("1. Vorsitzende(r)", "Vorstand", "Geschäftsführung", "Schriftführer(in)");
        role = role.Replace("(r)", signer.Female ? "" : "r", StringComparison.Ordinal).Replace("(in)", signer.Female ? "in" : "", StringComparison.Ordinal);
        return new Party(PartyKind.Association, name, signer, role, address, Formats.Phone(rng, address.AreaCode),
            rng.Chance(0.6) ? $"vorstand@{Slug(district)}-verein.de" : null, bank, Formats.Iban(rng, bank), null,
            rng.Chance(0.4) ? $"Vereinsregister Amtsgericht {city.Town}, VR {rng.Between(100, 5000)}" : null, null);
    }

    public static Party PropertyManager(Rng rng, CityHall city)
    {
        var owner = rng.Pick(GermanData.LastNames);
        var name = rng.Pick($"Hausverwaltung {owner} GmbH", $"{owner} Immobilienverwaltung", $"WEG-Verwaltung {owner} & Partner", $"Wohnungsbaugenossenschaft {city.Town} eG");
        var address = rng.Chance(0.7) ? LocalAddress(rng, city) : AnyAddress(rng, true);
        var bank = rng.Pick(GermanData.Banks);
        return new Party(PartyKind.PropertyManager, name, NewPerson(rng, 0.03), rng.Pick("Objektbetreuung", "Verwalter", "Technische Verwaltung"),
            address, Formats.Switchboard(rng, address.AreaCode), $"verwaltung@{Slug(owner)}-immobilien.de", bank, Formats.Iban(rng, bank),
            null, null, null);
    }

    public static Party Architect(Rng rng, CityHall city)
    {
        var owner = rng.Pick(GermanData.LastNames);
        var name = rng.Pick($"Architekturbüro {owner}", $"{owner} Architekten PartGmbB", $"{owner} + {rng.Pick(GermanData.LastNames)} Architekten", $"Planungsbüro {owner}");
        var address = rng.Chance(0.6) ? LocalAddress(rng, city) : AnyAddress(rng, false);
        var signer = NewPerson(rng, 0.2);
        var bank = rng.Pick(GermanData.Banks);
        return new Party(PartyKind.Architect, name, signer, signer.Female ? "Architektin" : "Architekt", address,
            Formats.Phone(rng, address.AreaCode), $"buero@{Slug(owner)}-architekten.de", bank, Formats.Iban(rng, bank), null, null,
            rng.Chance(0.5) ? "Architektur · Stadtplanung · Energieberatung" : null);
    }

    public static string MailAddress(Rng rng, Person p) =>
        rng.Between(0, 2) switch
        {
            0 => $"{Slug(p.FirstName)}.{Slug(p.LastName)}@{rng.Pick("web.de", "gmx.de", "t-online.de", "posteo.de", "gmail.com", "mailbox.org")}",
            1 => $"{Slug(p.FirstName)[0]}.{Slug(p.LastName)}{rng.Between(1, 99)}@{rng.Pick("web.de", "gmx.net", "freenet.de", "outlook.de")}",
            _ => $"{Slug(p.LastName)}.familie@{rng.Pick("t-online.de", "web.de", "arcor.de")}",
        };

    public static string Slug(string s)
    {
        var lower = s.ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
        return new string(lower.Where(char.IsAsciiLetterOrDigit).ToArray());
    }

    private static string TaglineFor(Rng rng, string trade) =>
        rng.Pick($"{trade} seit {rng.Between(1952, 2015)}", $"Ihr Partner für {trade}", $"Meisterbetrieb – {trade}", $"{trade} · Service · Beratung");
}
