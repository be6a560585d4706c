using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters;

/// <summary>Everything a template needs to write one letter.</summary>
public sealed class LetterContext(Rng rng, CityHall city, Party sender, DateOnly date, bool longVersion)
{
    public Rng Rng { get; } = rng;
    public CityHall City { get; } = city;
    public Party Sender { get; } = sender;
    public DateOnly Date { get; } = date;

    /// <summary>Ask for a longer letter (used for multi-page scans).</summary>
    public bool Long { get; } = longVersion;

    /// <summary>Organisations write "wir", people "ich".</summary>
    public bool We => !Sender.IsPerson;

    public string I(string singular, string plural) => We ? plural : singular;

    public int Year => Date.Year;

    public DateOnly DaysBefore(int min, int max) => Date.AddDays(-Rng.Between(min, max));

    public DateOnly DaysAfter(int min, int max) => Date.AddDays(Rng.Between(min, max));

    public string DateText(DateOnly d) => Formats.Date(Rng, d);

    public string Az(string departmentCode) => Formats.Aktenzeichen(Rng, departmentCode, Rng.Chance(0.8) ? Year : Year - 1);

    /// <summary>A contact sentence with the sender's phone or e-mail, or null when there is none.</summary>
    public string? ContactSentence()
    {
        var how = Sender.Phone is not null && (Sender.Email is null || Rng.Chance(0.6))
            ? $"telefonisch unter {Sender.Phone}"
            : Sender.Email is not null ? $"per E-Mail an {Sender.Email}" : null;
        if (how is null) return null;
        return Rng.Between(0, 2) switch
        {
            0 => $"Für Rückfragen {I("stehe ich", "stehen wir")} Ihnen {how} gern zur Verfügung.",
            1 => $"Bei Fragen {I("bin ich", "sind wir")} {how} erreichbar.",
            _ => $"Sollten Unterlagen fehlen, {I("erreichen Sie mich", "erreichen Sie uns")} {how}.",
        };
    }
}
