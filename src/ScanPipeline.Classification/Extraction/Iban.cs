using System.Collections.Frozen;

namespace ScanPipeline.Classification.Extraction;

/// <summary>
/// IBAN checks after ISO 13616: the length registered for the country and the mod-97 check digits.
/// Nothing is corrected: an IBAN with an OCR error (O for 0, a lost digit) is simply not valid.
/// </summary>
public static class Iban
{
    /// <summary>
    /// IBAN length per country (SWIFT IBAN registry). A candidate from a country not listed is not taken:
    /// without its length the end of a spaced IBAN in running text is unknown.
    /// </summary>
    private static readonly FrozenDictionary<string, int> LengthByCountry = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27,
        ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20, ["MR"] = 27,
        ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24, ["PL"] = 28,
        ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24, ["SC"] = 31,
        ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28,
        ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The registered length of an IBAN from this country (two upper-case letters), or null.</summary>
    public static int? LengthFor(ReadOnlySpan<char> countryCode)
    {
        var lookup = LengthByCountry.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(countryCode, out var length) ? length : null;
    }

    /// <summary>
    /// True for a compact IBAN (no spaces, upper case) of a known country with its registered length,
    /// only letters and digits, and ISO 7064 mod-97-10 check digits that hold.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> compact)
    {
        if (compact.Length < 4 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1])) return false;
        if (!char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3])) return false;
        if (LengthFor(compact[..2]) != compact.Length) return false;

        // Country code and check digits move to the end; letters count as 10..35; the number mod 97 must be 1.
        // The remainder is carried digit by digit, so no big integer is needed.
        var remainder = 0;
        for (var i = 0; i < compact.Length; i++)
        {
            var c = compact[(i + 4) % compact.Length];
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else if (char.IsAsciiLetterUpper(c)) remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }
}
