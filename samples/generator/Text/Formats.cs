using System.Globalization;
using System.Numerics;

namespace ScanPipeline.SampleGenerator.Text;

/// <summary>German real-world formats: dates, money, IBAN, file references, phone numbers.</summary>
public static class Formats
{
    private static readonly NumberFormatInfo GermanNumbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
    };

    public static string Numeric(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Long(DateOnly d) => $"{d.Day}. {GermanData.Months[d.Month - 1]} {d.Year}";

    public static string Short(DateOnly d) => $"{d.Day}.{d.Month}.{d.Year % 100:00}";

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date the way people write it in running text: mostly dd.MM.yyyy, sometimes spelled out.</summary>
    public static string Date(Rng rng, DateOnly d) => rng.Chance(0.7) ? Numeric(d) : Long(d);

    public static string Amount(decimal value) => value.ToString("#,##0.00", GermanNumbers);

    public static string Euro(Rng rng, decimal value) => rng.Chance(0.8) ? $"{Amount(value)} €" : $"EUR {Amount(value)}";

    public static string Number(int value) => value.ToString("#,##0", GermanNumbers);

    /// <summary>A German IBAN with valid ISO 13616 mod-97 check digits, printed in groups of four.</summary>
    public static string Iban(Rng rng, Bank bank)
    {
        var bban = bank.Blz + rng.Digits(10);
        return GroupByFour("DE" + IbanCheckDigits(bban) + bban);
    }

    public static string IbanCheckDigits(string bban)
    {
        // Move "DE00" to the end, letters to numbers (D=13, E=14), then 98 - (n mod 97).
        var numeric = BigInteger.Parse(bban + "131400", CultureInfo.InvariantCulture);
        var check = 98 - (int)(numeric % 97);
        return check.ToString("00", CultureInfo.InvariantCulture);
    }

    public static bool IsValidIban(string iban)
    {
        var compact = iban.Replace(" ", "", StringComparison.Ordinal);
        var rearranged = compact[4..] + compact[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiLetter(c) ? (c - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString()));
        return BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1;
    }

    public static string GroupByFour(string s) =>
        string.Join(' ', Enumerable.Range(0, (s.Length + 3) / 4).Select(i => s.Substring(i * 4, Math.Min(4, s.Length - i * 4))));

    /// <summary>An Aktenzeichen in one of the styles cities use, e.g. 63-12/2026-0147 or III/32.1-4711.</summary>
    public static string Aktenzeichen(Rng rng, string departmentCode, int year) => rng.Between(0, 4) switch
    {
        0 => $"{departmentCode}-{rng.Between(1, 40)}/{year}-{rng.Digits(4)}",
        1 => $"{Roman(rng.Between(1, 6))}/{departmentCode}.{rng.Between(1, 5)}-{rng.Between(1000, 9999)}",
        2 => $"{departmentCode}.{rng.Between(1, 4)} - {rng.Between(10, 999)}/{year % 100:00}",
        3 => $"{departmentCode}/{rng.Letters(2)}-{rng.Digits(5)}",
        _ => $"{departmentCode}{rng.Between(1, 9)}-{year}-{rng.Digits(6)}",
    };

    /// <summary>A Kassenzeichen (payment reference), e.g. 5.2026.001234.7 or 220 1234 5678.</summary>
    public static string Kassenzeichen(Rng rng, int year) => rng.Between(0, 2) switch
    {
        0 => $"{rng.Between(1, 9)}.{year}.{rng.Digits(6)}.{rng.Digits(1)}",
        1 => $"{rng.Digits(3)} {rng.Digits(4)} {rng.Digits(4)}",
        _ => $"{rng.Digits(2)}.{rng.Digits(4)}.{rng.Digits(6)}",
    };

    public static string Phone(Rng rng, string areaCode) => rng.Between(0, 3) switch
    {
        0 => $"{areaCode} {rng.Digits(3)}{rng.Digits(rng.Between(1, 3))}",
        1 => $"({areaCode}) {rng.Digits(2)} {rng.Digits(2)} {rng.Digits(2)}",
        2 => $"+49 {areaCode[1..]} {rng.Digits(rng.Between(5, 7))}",
        _ => $"{areaCode}/{rng.Digits(rng.Between(5, 7))}",
    };

    public static string Mobile(Rng rng) => rng.Chance(0.5)
        ? $"01{rng.Pick("51", "52", "57", "60", "62", "70", "71", "72", "76")} {rng.Digits(rng.Between(7, 8))}"
        : $"+49 1{rng.Pick("51", "52", "57", "60", "70", "71", "76")} {rng.Digits(3)} {rng.Digits(4)}";

    /// <summary>A company switchboard number with extension, e.g. 0202 563-0.</summary>
    public static string Switchboard(Rng rng, string areaCode) => $"{areaCode} {rng.Digits(rng.Between(3, 5))}-{rng.Pick("0", "0", "10", "100", rng.Digits(2))}";

    public static string Plate(Rng rng, string plateCode) =>
        $"{plateCode}-{rng.Letters(rng.Between(1, 2))} {rng.Between(1, 9999)}";

    public static string VatId(Rng rng) => "DE" + rng.Between(1, 3) + rng.Digits(8);

    public static string TaxNumber(Rng rng) => $"{rng.Digits(3)}/{rng.Digits(3)}/{rng.Digits(5)}";

    public static string Roman(int n) => n switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", _ => n.ToString(CultureInfo.InvariantCulture),
    };

    public static string Flurstueck(Rng rng, string gemarkung) =>
        $"Gemarkung {gemarkung}, Flur {rng.Between(1, 48)}, Flurstück {rng.Between(12, 980)}{(rng.Chance(0.5) ? "/" + rng.Between(1, 30) : "")}";
}
