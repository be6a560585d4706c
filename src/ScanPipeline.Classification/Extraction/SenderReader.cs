using System.Text.RegularExpressions;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Classification.Extraction;

/// <summary>
/// The sender's name and address from the head of a letter: a return line
/// ("Max Muster · Hauptstr. 1 · 42103 Wuppertal") or an address block (name, street and number, postcode and
/// town). The city office's own address, the recipient, is recognised by its first lines ("Stadt …",
/// "Stadtverwaltung", "Der Oberbürgermeister", "… amt", "Fachbereich …") and passed over. When the head has
/// no sender, a return-line style line anywhere (a company footer) is taken. Best effort.
/// </summary>
internal static partial class SenderReader
{
    /// <summary>The head of a letter ends at the salutation or the subject, and after this many non-blank lines at most.</summary>
    private const int MaxHeadLines = 50;

    /// <summary>Lines above a street line that still belong to its address block.</summary>
    private const int MaxBlockLinesAbove = 4;

    /// <summary>Lines read when looking for a footer; a letter's last page is rarely longer.</summary>
    private const int MaxLines = 3000;

    // OCR reads the middle dot of a return line as a dash or a bullet; dashes count only with spaces around them.
    private static readonly string[] ReturnLineSeparators = ["·", "•", "|", " - ", " – ", " — "];

    public static SenderAddress? Read(string text)
    {
        try
        {
            // OCR puts blank lines inside address blocks and stray marks at line ends ("Talstraße 49 |"), so
            // blank lines carry no meaning here: blocks end at another address instead.
            var lines = text.Split('\n', MaxLines + 1).Take(MaxLines).Select(Clean).Where(l => l.Length > 0).ToArray();

            var head = HeadLength(lines);
            for (var i = 0; i < head; i++)
            {
                if (FromReturnLine(lines[i], allowCommas: true) is { } fromReturnLine) return fromReturnLine;
                if (FromBlock(lines, i) is { } fromBlock) return fromBlock;
            }
            for (var i = head; i < lines.Length; i++)
                if (FromReturnLine(lines[i], allowCommas: false) is { } fromFooter) return fromFooter;
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile text: no sender rather than an exception.
        }
        return null;
    }

    /// <summary>
    /// The line without surrounding spaces and without OCR specks standing apart at either end
    /// (". Nina Meier", "- 59065 Hamm", "Am Lindenhof 7 ,", "59065 Hamm ~*"); "Str." and "a.M." keep their dot.
    /// </summary>
    private static string Clean(string line)
    {
        line = line.Trim().TrimStart('"', '\'', '„', '“', '”', '‚', '»', '«');
        var start = 0;
        while (start < line.Length && IsSpeck(line[start])) start++;
        if (start > 0 && (start == line.Length || line[start] == ' ')) line = line[start..].TrimStart();

        var end = line.Length;
        while (end > 0 && (IsSpeck(line[end - 1]) || line[end - 1] == ' ')) end--;
        return end < line.Length && (end == 0 || line[end] == ' ') ? line[..end] : line;
    }

    private static bool IsSpeck(char c) => c is '.' or ',' or '|' or ';' or ':' or '\'' or '`' or '´' or '_' or '~' or '*' or '-' or '–' or '•' or '»' or '«' or '"';

    /// <summary>The town without a lone lower-case letter after it, which is OCR noise ("Ulm i").</summary>
    private static string Town(Match place)
    {
        var town = place.Groups["town"].Value.Trim();
        return town.Length > 3 && town[^2] == ' ' && char.IsLower(town[^1]) ? town[..^2] : town;
    }

    private static int HeadLength(string[] lines)
    {
        var n = Math.Min(lines.Length, MaxHeadLines);
        for (var i = 0; i < n; i++)
            if (EndOfHead().IsMatch(lines[i])) return i;
        return n;
    }

    /// <summary>"Name · Street 1 · 12345 Town [· Tel. …]": the segment before the postcode is the street, all before it the name.</summary>
    private static SenderAddress? FromReturnLine(string line, bool allowCommas)
    {
        if (line.Length > 200) return null;
        var segments = line.Split(ReturnLineSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var s = 0; s < segments.Length; s++) segments[s] = Clean(segments[s]);
        if (segments.Length < 3 && allowCommas) segments = [.. line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Clean)];
        if (segments.Length < 3) return null;

        for (var k = 2; k < segments.Length; k++)
        {
            var place = PostcodeTown().Match(segments[k]);
            if (!place.Success) continue;
            var street = segments[k - 1];
            if (!IsStreet(street)) return null;
            var name = string.Join(", ", segments[..(k - 1)]);
            if (IsAuthority(name) || name.Contains('@') || name.Contains(':')) return null;
            return new SenderAddress(name, street, place.Groups["postcode"].Value, Town(place));
        }
        return null;
    }

    /// <summary>An address block whose postcode line is <paramref name="i"/>; null when it is the recipient's or not a block.</summary>
    private static SenderAddress? FromBlock(string[] lines, int i)
    {
        var place = PostcodeTown().Match(lines[i]);
        if (!place.Success || i == 0) return null;

        var streetIndex = IsStreet(lines[i - 1]) ? i - 1 : -1;
        var top = streetIndex >= 0 ? streetIndex : i;

        // The lines above the street (or the postcode) up to another address or the block limit.
        var above = new List<string>();
        for (var j = top - 1; j >= 0 && j >= top - MaxBlockLinesAbove; j--)
        {
            if (PostcodeTown().IsMatch(lines[j]) || FromReturnLine(lines[j], allowCommas: false) is not null || lines[j].Contains('·')) break;
            above.Add(lines[j]);
        }
        if (above.Exists(IsAuthority)) return null;

        // The name: the line nearest the street, unless a line above it names an organisation ("Verkehrsbetriebe
        // GmbH" above "Torti Mayer", the contact person).
        var candidates = above.Where(l => !l.Contains(':') && !l.Contains('@') && !IsStreet(l) && l.Any(char.IsLetter) && !ContactLine().IsMatch(l)).ToList();
        var name = candidates.Find(l => Organisation().IsMatch(l)) ?? candidates.FirstOrDefault();
        if (name is null && streetIndex < 0) return null;
        return new SenderAddress(name, streetIndex >= 0 ? lines[streetIndex] : null, place.Groups["postcode"].Value, Town(place));
    }

    private static bool IsStreet(string line) => line.Length <= 60 && (StreetWithNumber().IsMatch(line) || PostOfficeBox().IsMatch(line));

    private static bool IsAuthority(string line) => line.Length > 0 && Authority().IsMatch(line);

    // "42103 Wuppertal", "DE 80333 München", "D-50667 Köln", "06108 Halle (Saale)", "60311 Frankfurt am Main".
    [GeneratedRegex(@"^(?:(?:D|DE)[- ])?(?<postcode>[0-9]{5}) (?<town>\p{Lu}[\p{L}\p{M} .()/\-]{1,40})$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex PostcodeTown();

    // "Hauptstr. 1", "Am Krähenberg 40", "Sophie-Scholl-Platz 26c", "Friedrich-Ebert-Straße 79/81", "Talweg 3 - 5".
    [GeneratedRegex(@"^\p{L}[\p{L}\p{M}.'\- ]{1,50} [0-9]{1,4} ?[a-zA-Z]?(?: ?[-/] ?[0-9]{1,4} ?[a-zA-Z]?)?$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex StreetWithNumber();

    [GeneratedRegex(@"^Postfach [0-9][0-9 ]{1,12}$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex PostOfficeBox();

    // The recipient of incoming municipal mail: the city, its administration, an office ("Ordnungsamt", "Amt für …").
    [GeneratedRegex(@"\b(?:Stadt|Stadtverwaltung|Landeshauptstadt|Hansestadt|Kreisstadt|Bundesstadt|Universitätsstadt|Gemeinde|Gemeindeverwaltung|Verbandsgemeinde|Samtgemeinde|Ortsgemeinde|Kreis|Landkreis|Kreisverwaltung|Bezirksregierung|Landratsamt|Bezirksamt|Magistrat|\p{L}{3,}referat|Oberbürgermeister(?:in)?|Bürgermeister(?:in)?|Rathaus|Fachbereich|Fachdienst|Dezernat|Referat|Poststelle|Bürgerservice|Bürgerbüro|Posteingangsstelle|Amt|\p{L}{3,}amt)\b",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Authority();

    // Legal forms and kinds of organisation that mark a company's or an association's name.
    [GeneratedRegex(@"\b(?:GmbH|mbH|AG|KG|KGaA|OHG|GbR|UG|eG|SE|e\. ?V\.|Verein|Verband|Stiftung|Kanzlei|Rechtsanwälte|Partnerschaft|Genossenschaft)\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Organisation();

    // A phone, fax or e-mail line in a sender block ("Tel.: 0201 12345", "02331 801390").
    [GeneratedRegex(@"^(?:Tel|Telefon|Fax|Mobil|Handy|E-Mail|Mail)\b|^[0-9+() /\-]{6,}$",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex ContactLine();

    [GeneratedRegex(@"^(?:Sehr geehrte|Guten Tag|Hallo|Liebe|Betreff|Betr\.)",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex EndOfHead();
}
