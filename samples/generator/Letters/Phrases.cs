using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters;

/// <summary>
/// Sentences every kind of letter may use. They mix shared vocabulary (Antrag, Frist, Bescheid,
/// Aktenzeichen, Unterlagen) into all types, so no type is recognisable by one fixed phrase.
/// </summary>
public static class Phrases
{
    public static string ConfirmReceipt(LetterContext c) => c.Rng.Between(0, 3) switch
    {
        0 => $"{c.I("Ich bitte", "Wir bitten")} um eine kurze Eingangsbestätigung.",
        1 => $"Bitte bestätigen Sie {c.I("mir", "uns")} den Eingang dieses Schreibens und teilen Sie {c.I("mir", "uns")} das Aktenzeichen mit.",
        2 => $"Für eine Bestätigung des Eingangs per E-Mail wäre{c.I(" ich", "n wir")} dankbar.",
        _ => $"{c.I("Ich gehe", "Wir gehen")} davon aus, dass Sie den Eingang bestätigen und {c.I("mich", "uns")} über den weiteren Verlauf informieren.",
    };

    public static string MissingDocuments(LetterContext c) => c.Rng.Between(0, 2) switch
    {
        0 => $"Sollten noch Unterlagen fehlen, teilen Sie {c.I("mir", "uns")} dies bitte mit, damit die Frist gewahrt bleibt.",
        1 => $"Fehlende Nachweise reiche{c.I(" ich", "n wir")} selbstverständlich umgehend nach.",
        _ => "Falls Sie weitere Angaben benötigen, genügt ein kurzer Hinweis.",
    };

    public static string Thanks(LetterContext c) => c.Rng.Pick(
        "Vielen Dank für Ihre Mühe.",
        "Vielen Dank im Voraus für die Bearbeitung.",
        $"Für eine zügige Bearbeitung wäre{c.I(" ich", "n wir")} Ihnen dankbar.",
        "Ich danke Ihnen für Ihre Unterstützung.".Replace("Ich danke", c.I("Ich danke", "Wir danken"), StringComparison.Ordinal));

    public static string Closing(Rng rng) => rng.Pick(
        "Mit freundlichen Grüßen", "Mit freundlichen Grüßen", "Mit freundlichen Grüßen", "Freundliche Grüße",
        "Mit freundlichem Gruß", "Viele Grüße", "Hochachtungsvoll", "Mit besten Grüßen");

    public static string Salutation(Rng rng) => rng.Pick(
        "Sehr geehrte Damen und Herren,", "Sehr geehrte Damen und Herren,", "Sehr geehrte Damen und Herren,",
        "Guten Tag,", "Sehr geehrte Damen und Herren der Stadtverwaltung,", "Sehr geehrte Mitarbeiterinnen und Mitarbeiter,");

    /// <summary>Optional trailing sentences: contact, receipt, thanks; none, one or two of them.</summary>
    public static void AddCourtesy(LetterContext c, LetterContent content)
    {
        var contact = c.ContactSentence();
        if (contact is not null && c.Rng.Chance(0.45)) content.P(contact);
        if (c.Rng.Chance(0.3)) content.P(ConfirmReceipt(c));
        else if (c.Rng.Chance(0.25)) content.P(Thanks(c));
    }
}
