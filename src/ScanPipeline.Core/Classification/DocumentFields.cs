using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPipeline.Core.Classification;

/// <summary>
/// Key fields read from a document's text. Travels in messages and is stored with the document, so it is a
/// plain, immutable, System.Text.Json-serialisable record; property names serialise in camelCase with
/// <see cref="JsonOptions"/> (or any options using <see cref="JsonNamingPolicy.CamelCase"/>).
/// Every list is in the order the values first appear in the text, without duplicates.
/// </summary>
/// <param name="FileReferences">File references (Aktenzeichen, Geschäftszeichen, Ihr/Unser Zeichen) as written.</param>
/// <param name="CashReferences">Labelled payment and customer references, each with its kind.</param>
/// <param name="Dates">Valid calendar dates found in the text, with the text as written.</param>
/// <param name="Sender">The sender's name and address block, or null when none was found.</param>
/// <param name="Ibans">IBANs without spaces, upper case; only those whose ISO 13616 check digits are valid.</param>
/// <param name="Emails">E-mail addresses, lower case.</param>
public sealed record DocumentFields(
    IReadOnlyList<string> FileReferences,
    IReadOnlyList<CashReference> CashReferences,
    IReadOnlyList<FoundDate> Dates,
    SenderAddress? Sender,
    IReadOnlyList<string> Ibans,
    IReadOnlyList<string> Emails)
{
    /// <summary>Nothing found (empty lists, no sender).</summary>
    public static DocumentFields Empty { get; } = new([], [], [], null, [], []);

    /// <summary>camelCase property names, enums as camelCase strings, dates as yyyy-MM-dd.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

/// <summary>What a <see cref="CashReference"/> is, from the label it was written after.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<CashReferenceKind>))]
public enum CashReferenceKind
{
    /// <summary>Kassenzeichen: the city treasury's payment reference for a fee, a tax or a fine.</summary>
    PaymentReference,

    /// <summary>Kundennummer, Kunden-Nr., Debitor: the sender's or the city's customer number.</summary>
    CustomerNumber,

    /// <summary>Rechnungsnummer, Rechnung Nr., Rechnungs-Nr.</summary>
    InvoiceNumber,

    /// <summary>Steuernummer, St.-Nr.: a tax number.</summary>
    TaxNumber,
}

/// <summary>A labelled payment or customer reference, e.g. Kassenzeichen 5.2026.001234.7.</summary>
public sealed record CashReference(CashReferenceKind Kind, string Value);

/// <summary>A date (serialised as yyyy-MM-dd) and the text it was read from, e.g. "3. März 2026".</summary>
public sealed record FoundDate(DateOnly Date, string Text);

/// <summary>A sender's name and address, as far as found; parts not found are null.</summary>
public sealed record SenderAddress(string? Name, string? Street, string? Postcode, string? City);

/// <summary>Enum values as camelCase strings, whatever the serializer options say about enums.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
